--
-- Raw SQL operation
--
INSERT OR IGNORE INTO "shop_category" ("name") VALUES ('Uncategorized');
--
-- Add field is_active to category
--
CREATE TABLE "new__shop_category" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL UNIQUE, "is_active" bool NOT NULL);
INSERT INTO "new__shop_category" ("id", "name", "is_active") SELECT "id", "name", 1 FROM "shop_category";
DROP TABLE "shop_category";
ALTER TABLE "new__shop_category" RENAME TO "shop_category";
CREATE INDEX "shop_category_is_active_6b5a8d3c" ON "shop_category" ("is_active");
