-- 20230102120000_create_posts.exs: references(:users, on_delete: :delete_all)
CREATE TABLE "posts" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, "body" TEXT, "user_id" INTEGER CONSTRAINT "posts_user_id_fkey" REFERENCES "users"("id") ON DELETE CASCADE, "inserted_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL);
CREATE INDEX "posts_user_id_index" ON "posts" ("user_id");
