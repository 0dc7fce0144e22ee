CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, created TEXT);
CREATE INDEX notes_created ON notes(created);
