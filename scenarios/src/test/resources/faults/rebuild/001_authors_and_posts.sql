-- A parent (authors) and a child (posts) whose rows go with their author: ON DELETE CASCADE.
CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body BLOB
);

CREATE INDEX idx_posts_author ON posts(author_id);
