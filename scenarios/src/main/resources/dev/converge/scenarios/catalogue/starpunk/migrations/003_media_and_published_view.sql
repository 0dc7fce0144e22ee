-- Media attachments for notes, the public feed as a view, and updated_at kept by a trigger.
CREATE TABLE media (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    alt_text TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX idx_media_note_id ON media(note_id);

CREATE VIEW published_notes AS
    SELECT id, slug, content, created_at, updated_at
    FROM notes
    WHERE published = 1 AND deleted_at IS NULL;

CREATE TRIGGER notes_touch_updated_at
AFTER UPDATE OF content ON notes
FOR EACH ROW
BEGIN
    UPDATE notes SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
