-- Notes get a visibility (public, unlisted, private), and slugs become case-insensitive.
-- A changed collation needs a table rebuild, done as SQLite documents it: the view over
-- notes is dropped first (legacy_alter_table=OFF), the copy names every column, and the
-- indexes, the view and the trigger are re-created after the rename.
DROP VIEW published_notes;

CREATE TABLE notes_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT UNIQUE NOT NULL COLLATE NOCASE,
    content TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'unlisted', 'private')),
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at TEXT
);

INSERT INTO notes_new (id, slug, content, published, visibility, created_at, updated_at, deleted_at)
SELECT id, slug, content, published,
       CASE WHEN published = 1 THEN 'public' ELSE 'private' END,
       created_at, updated_at, deleted_at
FROM notes;

DROP TABLE notes;

ALTER TABLE notes_new RENAME TO notes;

CREATE INDEX idx_notes_created_at ON notes(created_at DESC);
CREATE INDEX idx_notes_published ON notes(published);
CREATE INDEX idx_notes_visibility ON notes(visibility);

CREATE VIEW published_notes AS
    SELECT id, slug, content, created_at, updated_at
    FROM notes
    WHERE visibility = 'public' AND deleted_at IS NULL;

CREATE TRIGGER notes_touch_updated_at
AFTER UPDATE OF content ON notes
FOR EACH ROW
BEGIN
    UPDATE notes SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
