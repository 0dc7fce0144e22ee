-- migrations/2024-04-01-100000_create_comments/up.sql
CREATE TABLE comments (
  id INTEGER PRIMARY KEY NOT NULL,
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  author VARCHAR NOT NULL,
  body TEXT NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX comments_post_id_idx ON comments (post_id);
