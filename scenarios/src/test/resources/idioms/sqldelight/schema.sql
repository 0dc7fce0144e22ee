CREATE TABLE player (
  id INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  jersey_number INTEGER NOT NULL
, team_id INTEGER REFERENCES team(id) ON DELETE CASCADE, position_id INTEGER NOT NULL DEFAULT 1);
CREATE TABLE team (
  id INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  coach_id INTEGER REFERENCES coach(id) ON DELETE SET NULL);
CREATE INDEX player_team ON player(team_id);
CREATE TABLE position (
  id INTEGER NOT NULL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE
);
CREATE UNIQUE INDEX player_team_jersey ON player(team_id, jersey_number);
CREATE TABLE coach (
  id INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE player_audit (
  player_id INTEGER NOT NULL,
  old_team_id INTEGER,
  new_team_id INTEGER,
  changed_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TRIGGER player_team_change AFTER UPDATE OF team_id ON player
BEGIN
  INSERT INTO player_audit (player_id, old_team_id, new_team_id) VALUES (old.id, old.team_id, new.team_id);
END;
CREATE VIEW roster AS
SELECT team.name AS team_name, coach.name AS coach_name, player.name AS player_name, player.jersey_number, position.code AS position
FROM player
JOIN team ON team.id = player.team_id
LEFT JOIN coach ON coach.id = team.coach_id
JOIN position ON position.id = player.position_id;
