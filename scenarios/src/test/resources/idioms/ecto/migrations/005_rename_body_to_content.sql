-- 20230410120000_rename_body_to_content.exs: rename table(:posts), :body, to: :content, then an index on it
ALTER TABLE "posts" RENAME COLUMN "body" TO "content";
CREATE INDEX "posts_content_index" ON "posts" ("content");
