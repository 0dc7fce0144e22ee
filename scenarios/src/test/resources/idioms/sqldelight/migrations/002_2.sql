-- 2.sqm: players join teams; deleting a team deletes its players
ALTER TABLE player ADD COLUMN team_id INTEGER REFERENCES team(id) ON DELETE CASCADE;
CREATE INDEX player_team ON player(team_id);
