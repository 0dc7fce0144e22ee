-- 20231001120000_drop_users_name.exs: remove :name (ecto_sqlite3 emits ALTER TABLE ... DROP COLUMN), a view, and the
-- seed category renamed
ALTER TABLE "users" DROP COLUMN "name";
CREATE VIEW post_feed AS SELECT posts.id, posts.title, posts.slug, users.email AS author, categories.name AS category FROM posts LEFT JOIN users ON users.id = posts.user_id LEFT JOIN categories ON categories.id = posts.category_id;
UPDATE categories SET name = 'general' WHERE id = 1;
