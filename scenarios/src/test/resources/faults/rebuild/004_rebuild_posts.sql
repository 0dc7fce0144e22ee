-- Rebuild the big child table: every page of it is copied, so the transaction is far larger than the cache.
CREATE TABLE posts_new (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body BLOB,
    words INTEGER NOT NULL DEFAULT 0
);

INSERT INTO posts_new (id, author_id, title, body, words)
SELECT id, author_id, title, body, length(body) / 5 + id % 7 FROM posts;

DROP TABLE posts;

ALTER TABLE posts_new RENAME TO posts;

CREATE INDEX idx_posts_author ON posts(author_id);

CREATE INDEX idx_posts_words ON posts(words);
