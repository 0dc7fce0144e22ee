--
-- Alter field name on category
--
CREATE TABLE "new__shop_category" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL UNIQUE);
INSERT INTO "new__shop_category" ("id", "name") SELECT "id", "name" FROM "shop_category";
DROP TABLE "shop_category";
ALTER TABLE "new__shop_category" RENAME TO "shop_category";
