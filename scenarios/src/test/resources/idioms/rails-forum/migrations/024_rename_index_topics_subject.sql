-- 20240105100000: rename_index :topics, "index_topics_on_subject", "index_topics_on_subject_prefix" (SQLite: add, then remove)
CREATE INDEX "index_topics_on_subject_prefix" ON "topics" ("subject");
DROP INDEX "index_topics_on_subject";
