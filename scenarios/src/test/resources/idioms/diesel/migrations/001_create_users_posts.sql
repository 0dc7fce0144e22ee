-- migrations/2024-01-10-093000_create_users_posts/up.sql
CREATE TABLE users (
  id INTEGER PRIMARY KEY NOT NULL,
  name VARCHAR NOT NULL,
  email VARCHAR NOT NULL UNIQUE
);

CREATE TABLE posts (
  id INTEGER PRIMARY KEY NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  title VARCHAR NOT NULL,
  body TEXT NOT NULL,
  published BOOLEAN NOT NULL DEFAULT 0
);

CREATE INDEX posts_user_id_idx ON posts (user_id);
