-- 000021: updates are audited too; deleting an archived note is no longer audited (the trigger is re-made)
DROP TRIGGER IF EXISTS notes_audit_delete;
CREATE TRIGGER IF NOT EXISTS notes_audit_delete AFTER DELETE ON notes WHEN old.archived = 0 BEGIN
    INSERT INTO audit_log (entity, entity_id, action) VALUES ('note', old.id, 'delete');
END;
CREATE TRIGGER IF NOT EXISTS notes_audit_update AFTER UPDATE OF title, body ON notes BEGIN
    INSERT INTO audit_log (entity, entity_id, action) VALUES ('note', new.id, 'update');
END;
