-- 000014: index names follow the ix_<table>_<cols> convention now: SQLite has no ALTER INDEX, so new then drop
CREATE INDEX IF NOT EXISTS ix_notes_user_id ON notes(user_id);
DROP INDEX IF EXISTS idx_notes_user_id;
CREATE INDEX IF NOT EXISTS ix_notes_notebook_id ON notes(notebook_id);
DROP INDEX IF EXISTS idx_notes_notebook_id;
