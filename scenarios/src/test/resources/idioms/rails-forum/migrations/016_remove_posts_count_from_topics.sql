-- 20200301100000: the counter cache drifted; remove_column :topics, :posts_count
ALTER TABLE "topics" DROP COLUMN "posts_count";
