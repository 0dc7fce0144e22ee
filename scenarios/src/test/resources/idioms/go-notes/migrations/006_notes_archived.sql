-- 000006: archiving; the list only shows live notes
ALTER TABLE notes ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
CREATE INDEX IF NOT EXISTS idx_notes_live ON notes(user_id, updated_at) WHERE archived = 0;
DROP VIEW IF EXISTS note_list;
CREATE VIEW note_list AS
    SELECT n.id, n.title, u.display_name AS author, n.updated_at
    FROM notes n JOIN users u ON u.id = n.user_id
    WHERE n.archived = 0;
