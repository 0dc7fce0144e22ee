-- 20200610120000: tags get slugs: the old table is renamed away, a new "tags" made under the old name, rows moved
ALTER TABLE "tags" RENAME TO "legacy_tags";
CREATE TABLE "tags" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, "slug" varchar NOT NULL, "taggings_count" integer DEFAULT 0 NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL);
INSERT INTO "tags" ("id", "name", "slug", "created_at", "updated_at") SELECT "id", "name", lower(replace("name", ' ', '-')) || '-' || "id", "created_at", "updated_at" FROM "legacy_tags";
DROP INDEX "index_tags_on_name";
CREATE UNIQUE INDEX "index_tags_on_name" ON "tags" ("name");
CREATE UNIQUE INDEX "index_tags_on_slug" ON "tags" ("slug");
