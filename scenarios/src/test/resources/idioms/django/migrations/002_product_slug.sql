--
-- Add field slug to product
--
CREATE TABLE "new__shop_product" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(200) NOT NULL, "price" decimal NOT NULL, "created" datetime NOT NULL, "category_id" bigint NOT NULL REFERENCES "shop_category" ("id") DEFERRABLE INITIALLY DEFERRED, "slug" varchar(50) NOT NULL);
INSERT INTO "new__shop_product" ("id", "name", "price", "created", "category_id", "slug") SELECT "id", "name", "price", "created", "category_id", '' FROM "shop_product";
DROP TABLE "shop_product";
ALTER TABLE "new__shop_product" RENAME TO "shop_product";
CREATE INDEX "shop_product_category_id_8a539ddf" ON "shop_product" ("category_id");
CREATE INDEX "shop_product_slug_30bd2d5d" ON "shop_product" ("slug");
