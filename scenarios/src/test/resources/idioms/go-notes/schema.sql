CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
, username TEXT, display_name TEXT NOT NULL DEFAULT '');
CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, content='notes', content_rowid='id');
CREATE UNIQUE INDEX idx_users_username ON users(username);
CREATE TABLE settings (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (key IN ('theme', 'language', 'digest')),
    value TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (user_id, key)
) STRICT;
CREATE TABLE notebooks (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    UNIQUE (user_id, name)
);
CREATE TABLE "notes" (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    notebook_id INTEGER REFERENCES notebooks(id) ON DELETE SET NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    word_count INTEGER GENERATED ALWAYS AS (length(trim(body)) - length(replace(trim(body), ' ', '')) + (trim(body) <> '')) VIRTUAL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
, pinned INTEGER NOT NULL DEFAULT 0);
CREATE TRIGGER notes_touch_updated_at
AFTER UPDATE ON notes FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE notes SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER notes_fts_au AFTER UPDATE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO notes_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE INDEX ix_notes_user_id ON notes(user_id);
CREATE INDEX ix_notes_notebook_id ON notes(notebook_id);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ix_audit_log_entity ON audit_log(entity, entity_id);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE note_tags (
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (note_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX ix_note_tags_tag_id ON note_tags(tag_id);
CREATE INDEX ix_notes_live ON notes(user_id, pinned DESC, updated_at DESC) WHERE archived = 0;
CREATE VIEW note_list AS
    SELECT n.id, n.title, CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.username END AS author,
           n.pinned, n.updated_at
    FROM notes n JOIN users u ON u.id = n.user_id
    WHERE n.archived = 0;
CREATE TRIGGER notes_audit_delete AFTER DELETE ON notes WHEN old.archived = 0 BEGIN
    INSERT INTO audit_log (entity, entity_id, action) VALUES ('note', old.id, 'delete');
END;
CREATE TRIGGER notes_audit_update AFTER UPDATE OF title, body ON notes BEGIN
    INSERT INTO audit_log (entity, entity_id, action) VALUES ('note', new.id, 'update');
END;
CREATE TABLE sessions (
    token TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_sessions_expires_at ON sessions(expires_at);
CREATE INDEX ix_sessions_user_id ON sessions(user_id);
