-- 000018: tags become rows of their own; note_tags is renamed, a new note_tags made under the old name, rows moved
CREATE TABLE IF NOT EXISTS tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
INSERT OR IGNORE INTO tags (name) SELECT DISTINCT tag FROM note_tags;
ALTER TABLE note_tags RENAME TO note_tags_v1;
CREATE TABLE note_tags (
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (note_id, tag_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO note_tags (note_id, tag_id)
    SELECT v.note_id, t.id FROM note_tags_v1 v JOIN tags t ON t.name = v.tag;
DROP TABLE note_tags_v1;
CREATE INDEX IF NOT EXISTS ix_note_tags_tag_id ON note_tags(tag_id);
