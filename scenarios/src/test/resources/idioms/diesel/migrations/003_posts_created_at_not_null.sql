-- migrations/2024-03-15-081500_posts_created_at_not_null/up.sql
-- SQLite cannot add NOT NULL to a column: move the table aside, create it anew, copy, drop the old one.
ALTER TABLE posts RENAME TO posts_old;

CREATE TABLE posts (
  id INTEGER PRIMARY KEY NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  title VARCHAR NOT NULL,
  body TEXT NOT NULL,
  published BOOLEAN NOT NULL DEFAULT 0,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO posts (id, user_id, title, body, published, created_at)
  SELECT id, user_id, title, body, published, COALESCE(created_at, CURRENT_TIMESTAMP) FROM posts_old;

DROP TABLE posts_old;

CREATE INDEX posts_user_id_idx ON posts (user_id);
