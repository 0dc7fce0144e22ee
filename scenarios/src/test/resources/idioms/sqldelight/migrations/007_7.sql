-- 7.sqm: the old coach column goes (DROP COLUMN, SQLite 3.35); the view does not use it
ALTER TABLE team DROP COLUMN coach;
