-- 000003: keep updated_at current without touching every UPDATE in Go code
CREATE TRIGGER IF NOT EXISTS notes_touch_updated_at
AFTER UPDATE ON notes FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE notes SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
