-- 000015: display_name is gone (SQLite 3.35 DROP COLUMN); the view that read it is re-created first
DROP VIEW IF EXISTS note_list;
ALTER TABLE users DROP COLUMN display_name;
CREATE VIEW note_list AS
    SELECT n.id, n.title, u.username AS author, n.updated_at
    FROM notes n JOIN users u ON u.id = n.user_id
    WHERE n.archived = 0;
