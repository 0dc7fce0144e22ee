-- +goose Up
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), body TEXT);
CREATE INDEX posts_user ON posts (user_id);
-- +goose StatementBegin
CREATE TRIGGER posts_touch AFTER INSERT ON posts BEGIN
  UPDATE posts SET body = trim(body) WHERE id = new.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE posts;
