-- 3.sqm: positions as a lookup table with seed rows, and a position per player
CREATE TABLE position (
  id INTEGER NOT NULL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE
);
INSERT INTO position (id, code) VALUES (1, 'C'), (2, 'LW'), (3, 'RW'), (4, 'D'), (5, 'G');
ALTER TABLE player ADD COLUMN position_id INTEGER NOT NULL DEFAULT 1;
