--
-- Create model Order
--
CREATE TABLE "shop_order" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "created" datetime NOT NULL, "quantity" integer unsigned NOT NULL CHECK ("quantity" >= 0), "product_id" bigint NOT NULL REFERENCES "shop_product" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "shop_order_product_id_5ab1e0e6" ON "shop_order" ("product_id");
--
-- Add field note to order
--
ALTER TABLE "shop_order" ADD COLUMN "note" text NULL;
