-- 2021_03_10_120000_change_role_on_team_user: ->string('role')->default('member')->change() under Laravel 8 with
-- doctrine/dbal, whose SQLite platform copies the table to a TEMPORARY "__temp__" table and back. The author
-- fills the NULLs first.
update "team_user" set "role" = 'member' where "role" is null;
DROP INDEX team_user_team_id_user_id_unique;
CREATE TEMPORARY TABLE __temp__team_user AS SELECT id, team_id, user_id, role, created_at, updated_at FROM team_user;
DROP TABLE team_user;
CREATE TABLE team_user (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER NOT NULL, user_id INTEGER NOT NULL, role VARCHAR(255) DEFAULT 'member' NOT NULL COLLATE "BINARY", created_at DATETIME DEFAULT NULL, updated_at DATETIME DEFAULT NULL, CONSTRAINT FK_5C722232296CD8AE FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE NOT DEFERRABLE INITIALLY IMMEDIATE, CONSTRAINT FK_5C722232A76ED395 FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE NOT DEFERRABLE INITIALLY IMMEDIATE);
INSERT INTO team_user (id, team_id, user_id, role, created_at, updated_at) SELECT id, team_id, user_id, role, created_at, updated_at FROM __temp__team_user;
DROP TABLE __temp__team_user;
CREATE UNIQUE INDEX team_user_team_id_user_id_unique ON team_user (team_id, user_id);
