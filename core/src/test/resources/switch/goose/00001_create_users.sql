-- +goose Up
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);

-- +goose Down
DROP TABLE users;
