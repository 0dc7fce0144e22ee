--
-- Create model Lead
--
CREATE TABLE "crm_lead" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(200) NOT NULL, "value" decimal NOT NULL, "status" varchar(20) NOT NULL, "contact_id" bigint NOT NULL REFERENCES "crm_contact" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "crm_lead_contact_id_3b1f1c1e" ON "crm_lead" ("contact_id");
