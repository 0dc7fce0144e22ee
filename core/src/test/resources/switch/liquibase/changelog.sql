--liquibase formatted sql

--changeset alice:1
--comment: the users
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
--rollback DROP TABLE users;

--changeset alice:2 labels:blog
-- posts belong to users
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), body TEXT);
CREATE INDEX posts_user ON posts (user_id);
/* liquibase rollback
DROP INDEX posts_user;
DROP TABLE posts;
*/

--changeset bob:3
--preconditions onFail:HALT
--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM sqlite_master WHERE name = 'tags'
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
