ALTER TABLE notes ADD COLUMN created TEXT;
CREATE INDEX notes_created ON notes(created);
