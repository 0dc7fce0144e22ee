-- What the rebuild set ends with, written by hand: the target the fault tests compare with.
CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE,
    email TEXT
);

CREATE UNIQUE INDEX idx_authors_email ON authors(email);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body BLOB,
    words INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX idx_posts_author ON posts(author_id);

CREATE INDEX idx_posts_words ON posts(words);

CREATE TABLE tags (
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (post_id, tag)
) WITHOUT ROWID;

CREATE VIEW author_post_counts AS
    SELECT a.id, a.name, count(p.id) AS posts
    FROM authors a LEFT JOIN posts p ON p.author_id = a.id
    GROUP BY a.id;
