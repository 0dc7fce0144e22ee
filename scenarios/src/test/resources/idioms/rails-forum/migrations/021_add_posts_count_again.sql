-- 20220110100000: the counter cache is back (a column dropped in 016 re-added), backfilled from live posts only
ALTER TABLE "topics" ADD "posts_count" integer DEFAULT 0 NOT NULL;
UPDATE "topics" SET "posts_count" = (SELECT COUNT(*) FROM "posts" WHERE "posts"."topic_id" = "topics"."id" AND "posts"."deleted_at" IS NULL);
