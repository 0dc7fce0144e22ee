-- 20161103110000_create_categories.rb, with the seed its author put in the migration, and topics.category_id
CREATE TABLE "categories" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, "position" integer DEFAULT 0 NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL);
CREATE UNIQUE INDEX "index_categories_on_name" ON "categories" ("name");
INSERT OR IGNORE INTO "categories" ("id", "name", "position", "created_at", "updated_at") VALUES (1, 'General', 0, '2016-11-03 11:00:00', '2016-11-03 11:00:00');
ALTER TABLE "topics" ADD "category_id" integer DEFAULT 1 NOT NULL;
CREATE INDEX "index_topics_on_category_id" ON "topics" ("category_id");
