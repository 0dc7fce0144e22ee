-- migrate:up
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), body TEXT);
CREATE INDEX posts_user ON posts (user_id);

-- migrate:down
DROP TABLE posts;
