-- 000017: display names came back (users asked); a column dropped in 015 re-added, backfilled from username
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
UPDATE users SET display_name = coalesce(username, '') WHERE display_name = '';
DROP VIEW IF EXISTS note_list;
CREATE VIEW note_list AS
    SELECT n.id, n.title, CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.username END AS author, n.updated_at
    FROM notes n JOIN users u ON u.id = n.user_id
    WHERE n.archived = 0;
