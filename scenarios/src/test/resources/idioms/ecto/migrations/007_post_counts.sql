-- 20230801120000_post_counts.exs: a counter on users kept by triggers (execute), filled from posts
ALTER TABLE "users" ADD COLUMN "post_count" INTEGER DEFAULT 0 NOT NULL;
UPDATE users SET post_count = (SELECT count(*) FROM posts WHERE posts.user_id = users.id);
CREATE TRIGGER posts_count_insert AFTER INSERT ON posts BEGIN UPDATE users SET post_count = post_count + 1 WHERE id = NEW.user_id; END;
CREATE TRIGGER posts_count_delete AFTER DELETE ON posts BEGIN UPDATE users SET post_count = post_count - 1 WHERE id = OLD.user_id; END;
