-- 6.sqm: a roster view and an audit trigger
CREATE VIEW roster AS
SELECT team.name AS team_name, player.name AS player_name, player.jersey_number, position.code AS position
FROM player
JOIN team ON team.id = player.team_id
JOIN position ON position.id = player.position_id;

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
