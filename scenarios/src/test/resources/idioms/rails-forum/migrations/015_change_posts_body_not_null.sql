-- 20200115110000: change_column :posts, :body, :text, null: false, default: "": alter_table through "aposts"
UPDATE "posts" SET "body"='' WHERE "body" IS NULL;
CREATE TEMPORARY TABLE "aposts" ("id" integer NOT NULL PRIMARY KEY, "body" text DEFAULT NULL, "topic_id" integer DEFAULT NULL, "user_id" integer DEFAULT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "deleted_at" datetime DEFAULT NULL);
CREATE INDEX "tindex_aposts_on_topic_id" ON "aposts" ("topic_id");
CREATE INDEX "tindex_aposts_on_user_id" ON "aposts" ("user_id");
CREATE INDEX "tindex_aposts_on_topic_id_live" ON "aposts" ("topic_id") WHERE deleted_at IS NULL;
INSERT INTO "aposts" ("id","body","topic_id","user_id","created_at","updated_at","deleted_at")
                     SELECT "id","body","topic_id","user_id","created_at","updated_at","deleted_at" FROM "posts";
DROP TABLE "posts";
CREATE TABLE "posts" ("id" integer NOT NULL PRIMARY KEY, "body" text DEFAULT '' NOT NULL, "topic_id" integer DEFAULT NULL, "user_id" integer DEFAULT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "deleted_at" datetime DEFAULT NULL);
CREATE INDEX "index_posts_on_topic_id" ON "posts" ("topic_id");
CREATE INDEX "index_posts_on_user_id" ON "posts" ("user_id");
CREATE INDEX "index_posts_on_topic_id_live" ON "posts" ("topic_id") WHERE deleted_at IS NULL;
INSERT INTO "posts" ("id","body","topic_id","user_id","created_at","updated_at","deleted_at")
                     SELECT "id","body","topic_id","user_id","created_at","updated_at","deleted_at" FROM "aposts";
DROP TABLE "aposts";
