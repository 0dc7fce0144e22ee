-- 20230201120000_create_comments.exs
CREATE TABLE "comments" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "body" TEXT NOT NULL, "post_id" INTEGER CONSTRAINT "comments_post_id_fkey" REFERENCES "posts"("id") ON DELETE CASCADE, "user_id" INTEGER CONSTRAINT "comments_user_id_fkey" REFERENCES "users"("id") ON DELETE SET NULL, "inserted_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL);
CREATE INDEX "comments_post_id_index" ON "comments" ("post_id");
