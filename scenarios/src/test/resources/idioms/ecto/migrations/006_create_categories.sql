-- 20230601120000_create_categories.exs: a lookup with seeds (execute), and posts moved into a default category
CREATE TABLE "categories" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL, "inserted_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL);
CREATE UNIQUE INDEX "categories_name_index" ON "categories" ("name");
INSERT INTO categories (id, name, inserted_at, updated_at) VALUES (1, 'uncategorized', '2023-06-01T12:00:00', '2023-06-01T12:00:00');
ALTER TABLE "posts" ADD COLUMN "category_id" INTEGER CONSTRAINT "posts_category_id_fkey" REFERENCES "categories"("id") ON DELETE SET NULL;
UPDATE posts SET category_id = 1 WHERE category_id IS NULL;
CREATE INDEX "posts_category_id_index" ON "posts" ("category_id");
