CREATE TABLE IF NOT EXISTS "shop_product" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(200) NOT NULL, "price" decimal NOT NULL, "created" datetime NOT NULL, "category_id" bigint NOT NULL REFERENCES "shop_category" ("id") DEFERRABLE INITIALLY DEFERRED, "slug" varchar(50) NOT NULL);
CREATE INDEX "shop_product_category_id_8a539ddf" ON "shop_product" ("category_id");
CREATE INDEX "shop_product_slug_30bd2d5d" ON "shop_product" ("slug");
CREATE TABLE IF NOT EXISTS "shop_order" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "created" datetime NOT NULL, "quantity" integer unsigned NOT NULL CHECK ("quantity" >= 0), "product_id" bigint NOT NULL REFERENCES "shop_product" ("id") DEFERRABLE INITIALLY DEFERRED, "note" text NULL);
CREATE INDEX "shop_order_product_id_5ab1e0e6" ON "shop_order" ("product_id");
CREATE TABLE IF NOT EXISTS "shop_category" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL UNIQUE, "is_active" bool NOT NULL);
CREATE INDEX "shop_category_is_active_6b5a8d3c" ON "shop_category" ("is_active");
