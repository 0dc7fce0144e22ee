--
-- Add field stage to lead
--
CREATE TABLE "new__crm_lead" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(200) NOT NULL, "value" decimal NOT NULL, "status" varchar(20) NOT NULL, "contact_id" bigint NOT NULL REFERENCES "crm_contact" ("id") DEFERRABLE INITIALLY DEFERRED, "stage_id" bigint NULL REFERENCES "crm_stage" ("id") DEFERRABLE INITIALLY DEFERRED);
INSERT INTO "new__crm_lead" ("id", "title", "value", "status", "contact_id", "stage_id") SELECT "id", "title", "value", "status", "contact_id", NULL FROM "crm_lead";
DROP TABLE "crm_lead";
ALTER TABLE "new__crm_lead" RENAME TO "crm_lead";
CREATE INDEX "crm_lead_contact_id_3b1f1c1e" ON "crm_lead" ("contact_id");
CREATE INDEX "crm_lead_stage_id_7d2e4f1a" ON "crm_lead" ("stage_id");
