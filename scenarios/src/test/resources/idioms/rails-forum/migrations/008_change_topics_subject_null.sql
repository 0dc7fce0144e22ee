-- 20170301100000: change_column_null :topics, :subject, false, "(no subject)": ActiveRecord fills the NULLs, then
-- alter_table copies the table to a TEMPORARY "a<table>" (with its indexes), drops it, makes it anew, copies back
UPDATE "topics" SET "subject"='(no subject)' WHERE "subject" IS NULL;
CREATE TEMPORARY TABLE "atopics" ("id" integer NOT NULL PRIMARY KEY, "subject" varchar DEFAULT NULL, "user_id" integer DEFAULT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "posts_count" integer DEFAULT 0 NOT NULL, "category_id" integer DEFAULT 1 NOT NULL);
CREATE INDEX "tindex_atopics_on_user_id" ON "atopics" ("user_id");
CREATE INDEX "tindex_atopics_on_category_id" ON "atopics" ("category_id");
CREATE INDEX "tindex_atopics_on_subject" ON "atopics" ("subject");
INSERT INTO "atopics" ("id","subject","user_id","created_at","updated_at","posts_count","category_id")
                     SELECT "id","subject","user_id","created_at","updated_at","posts_count","category_id" FROM "topics";
DROP TABLE "topics";
CREATE TABLE "topics" ("id" integer NOT NULL PRIMARY KEY, "subject" varchar NOT NULL, "user_id" integer DEFAULT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "posts_count" integer DEFAULT 0 NOT NULL, "category_id" integer DEFAULT 1 NOT NULL);
CREATE INDEX "index_topics_on_user_id" ON "topics" ("user_id");
CREATE INDEX "index_topics_on_category_id" ON "topics" ("category_id");
CREATE INDEX "index_topics_on_subject" ON "topics" ("subject");
INSERT INTO "topics" ("id","subject","user_id","created_at","updated_at","posts_count","category_id")
                     SELECT "id","subject","user_id","created_at","updated_at","posts_count","category_id" FROM "atopics";
DROP TABLE "atopics";
