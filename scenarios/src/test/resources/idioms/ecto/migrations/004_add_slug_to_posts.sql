-- 20230315120000_add_slug_to_posts.exs: alter table add, an execute backfill, and a unique index
ALTER TABLE "posts" ADD COLUMN "slug" TEXT;
UPDATE posts SET slug = 'post-' || id WHERE slug IS NULL;
CREATE UNIQUE INDEX "posts_slug_index" ON "posts" ("slug");
