-- 20170215090000: rename_column :topics, :title, :subject, then add_index on the renamed column
ALTER TABLE "topics" RENAME COLUMN "title" TO "subject";
CREATE INDEX "index_topics_on_subject" ON "topics" ("subject");
