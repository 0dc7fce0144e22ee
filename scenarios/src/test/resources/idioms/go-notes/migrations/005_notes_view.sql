-- 000005: the list page reads a view
DROP VIEW IF EXISTS note_list;
CREATE VIEW note_list AS
    SELECT n.id, n.title, u.display_name AS author, n.updated_at
    FROM notes n JOIN users u ON u.id = n.user_id;
