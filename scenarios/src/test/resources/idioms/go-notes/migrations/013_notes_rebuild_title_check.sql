-- 000013: titles may not be blank; SQLite cannot add a CHECK, so the table is rebuilt (the SQLite docs' 12 steps),
-- and its view, indexes and triggers are made again
DROP VIEW IF EXISTS note_list;
CREATE TABLE notes_new (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    notebook_id INTEGER REFERENCES notebooks(id) ON DELETE SET NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    word_count INTEGER GENERATED ALWAYS AS (length(trim(body)) - length(replace(trim(body), ' ', '')) + (trim(body) <> '')) VIRTUAL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO notes_new (id, user_id, notebook_id, title, body, archived, created_at, updated_at)
    SELECT id, user_id, notebook_id, CASE WHEN length(trim(title)) > 0 THEN title ELSE 'Untitled' END, body, archived, created_at, updated_at FROM notes;
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
CREATE INDEX IF NOT EXISTS idx_notes_user_id ON notes(user_id);
CREATE INDEX IF NOT EXISTS idx_notes_live ON notes(user_id, updated_at) WHERE archived = 0;
CREATE INDEX IF NOT EXISTS idx_notes_notebook_id ON notes(notebook_id);
CREATE TRIGGER IF NOT EXISTS notes_touch_updated_at
AFTER UPDATE ON notes FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE notes SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS notes_fts_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS notes_fts_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER IF NOT EXISTS notes_fts_au AFTER UPDATE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO notes_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE VIEW note_list AS
    SELECT n.id, n.title, u.display_name AS author, n.updated_at
    FROM notes n JOIN users u ON u.id = n.user_id
    WHERE n.archived = 0;
INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');
