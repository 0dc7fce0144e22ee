-- 000016: an audit log written by triggers
CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX IF NOT EXISTS ix_audit_log_entity ON audit_log(entity, entity_id);
CREATE TRIGGER IF NOT EXISTS notes_audit_delete AFTER DELETE ON notes BEGIN
    INSERT INTO audit_log (entity, entity_id, action) VALUES ('note', old.id, 'delete');
END;
