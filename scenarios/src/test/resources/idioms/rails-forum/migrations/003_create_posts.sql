-- 20160310120500_create_posts.rb
CREATE TABLE "posts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "body" text, "topic_id" integer, "user_id" integer, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL);
CREATE INDEX "index_posts_on_topic_id" ON "posts" ("topic_id");
CREATE INDEX "index_posts_on_user_id" ON "posts" ("user_id");
