--liquibase formatted sql

--changeset alice:1
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
--rollback DROP TABLE users;

--changeset alice:2 labels:blog
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), body TEXT);
CREATE INDEX posts_user ON posts (user_id);
--rollback DROP TABLE posts;

--changeset bob:3
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
