-- migrations/2024-05-20-140000_comments_approved/up.sql
ALTER TABLE comments RENAME TO comments_old;

CREATE TABLE comments (
  id INTEGER PRIMARY KEY NOT NULL,
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  author VARCHAR NOT NULL,
  body TEXT NOT NULL,
  approved BOOLEAN NOT NULL DEFAULT 0,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO comments (id, post_id, author, body, created_at)
  SELECT id, post_id, author, body, created_at FROM comments_old;

DROP TABLE comments_old;

CREATE INDEX comments_post_id_idx ON comments (post_id);
