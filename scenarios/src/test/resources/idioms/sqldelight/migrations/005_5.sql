-- 5.sqm: coaches move to their own table; the team column keeps the name for old clients
CREATE TABLE coach (
  id INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
INSERT INTO coach (name) SELECT DISTINCT coach FROM team;
ALTER TABLE team ADD COLUMN coach_id INTEGER REFERENCES coach(id) ON DELETE SET NULL;
UPDATE team SET coach_id = (SELECT coach.id FROM coach WHERE coach.name = team.coach);
