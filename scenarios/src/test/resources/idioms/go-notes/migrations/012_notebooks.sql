-- 000012: notebooks; every user gets an Inbox and existing notes move into it
CREATE TABLE IF NOT EXISTS notebooks (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    UNIQUE (user_id, name)
);
INSERT OR IGNORE INTO notebooks (user_id, name) SELECT id, 'Inbox' FROM users;
ALTER TABLE notes ADD COLUMN notebook_id INTEGER REFERENCES notebooks(id) ON DELETE SET NULL;
UPDATE notes SET notebook_id = (SELECT b.id FROM notebooks b WHERE b.user_id = notes.user_id AND b.name = 'Inbox') WHERE notebook_id IS NULL;
CREATE INDEX IF NOT EXISTS idx_notes_notebook_id ON notes(notebook_id);
