--
-- Create constraint deal_value_nonneg on model deal (a CheckConstraint: a remake)
--
CREATE TABLE "new__crm_deal" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(200) NOT NULL, "value" decimal NOT NULL, "primary_contact_id" bigint NOT NULL REFERENCES "crm_contact" ("id") DEFERRABLE INITIALLY DEFERRED, "stage_id" bigint NULL REFERENCES "crm_stage" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "deal_value_nonneg" CHECK ("value" >= 0));
INSERT INTO "new__crm_deal" ("id", "title", "value", "primary_contact_id", "stage_id") SELECT "id", "title", "value", "primary_contact_id", "stage_id" FROM "crm_deal";
DROP TABLE "crm_deal";
ALTER TABLE "new__crm_deal" RENAME TO "crm_deal";
CREATE INDEX "crm_deal_primary_contact_id_9a8b7c6d" ON "crm_deal" ("primary_contact_id");
CREATE INDEX "crm_deal_stage_id_1e2f3a4b" ON "crm_deal" ("stage_id");
