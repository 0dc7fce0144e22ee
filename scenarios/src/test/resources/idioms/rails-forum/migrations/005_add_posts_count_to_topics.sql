-- 20160520140000_add_posts_count_to_topics.rb: a counter cache, backfilled
ALTER TABLE "topics" ADD "posts_count" integer DEFAULT 0 NOT NULL;
UPDATE "topics" SET "posts_count" = (SELECT COUNT(*) FROM "posts" WHERE "posts"."topic_id" = "topics"."id");
