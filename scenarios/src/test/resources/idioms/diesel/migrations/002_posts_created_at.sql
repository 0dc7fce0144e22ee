-- migrations/2024-02-02-120000_posts_created_at/up.sql
ALTER TABLE posts ADD COLUMN created_at TIMESTAMP;

-- existing posts get the day the column was introduced
UPDATE posts SET created_at = '2024-02-02 12:00:00' WHERE created_at IS NULL;
