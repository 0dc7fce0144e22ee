-- 4.sqm: number renamed to jersey_number (RENAME COLUMN), then a unique index per team on it
ALTER TABLE player RENAME COLUMN number TO jersey_number;
CREATE UNIQUE INDEX player_team_jersey ON player(team_id, jersey_number);
