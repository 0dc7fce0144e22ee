--
-- Add field phone to contact (blank=True, default=''): a remake on SQLite
--
CREATE TABLE "new__crm_contact" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "first_name" varchar(100) NOT NULL, "last_name" varchar(100) NOT NULL, "email" varchar(254) NOT NULL, "company_id" bigint NULL REFERENCES "crm_company" ("id") DEFERRABLE INITIALLY DEFERRED, "phone" varchar(30) NOT NULL);
INSERT INTO "new__crm_contact" ("id", "first_name", "last_name", "email", "company_id", "phone") SELECT "id", "first_name", "last_name", "email", "company_id", '' FROM "crm_contact";
DROP TABLE "crm_contact";
ALTER TABLE "new__crm_contact" RENAME TO "crm_contact";
CREATE INDEX "crm_contact_company_id_8c4b5ba4" ON "crm_contact" ("company_id");
