-- 000020: pinned notes sort first; the partial index is replaced by one that covers the sort
ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
DROP INDEX IF EXISTS idx_notes_live;
CREATE INDEX IF NOT EXISTS ix_notes_live ON notes(user_id, pinned DESC, updated_at DESC) WHERE archived = 0;
DROP VIEW IF EXISTS note_list;
CREATE VIEW note_list AS
    SELECT n.id, n.title, CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.username END AS author,
           n.pinned, n.updated_at
    FROM notes n JOIN users u ON u.id = n.user_id
    WHERE n.archived = 0;
