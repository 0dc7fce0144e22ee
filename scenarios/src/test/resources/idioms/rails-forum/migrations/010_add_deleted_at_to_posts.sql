-- 20180110080000: soft delete (paranoia); a partial index for the live posts of a topic
ALTER TABLE "posts" ADD "deleted_at" datetime;
CREATE INDEX "index_posts_on_topic_id_live" ON "posts" ("topic_id") WHERE deleted_at IS NULL;
