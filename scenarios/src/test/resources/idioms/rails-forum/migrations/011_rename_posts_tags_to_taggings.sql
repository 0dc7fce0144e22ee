-- 20180322101000: rename_table :posts_tags, :taggings; ActiveRecord renames the table's default-named indexes too,
-- and on SQLite rename_index is add_index under the new name, then remove_index of the old
ALTER TABLE "posts_tags" RENAME TO "taggings";
CREATE UNIQUE INDEX "index_taggings_on_post_id_and_tag_id" ON "taggings" ("post_id", "tag_id");
DROP INDEX "index_posts_tags_on_post_id_and_tag_id";
