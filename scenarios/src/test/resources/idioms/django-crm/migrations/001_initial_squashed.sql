--
-- crm 0001_squashed_0004 (squashmigrations of 0001_initial..0004): sqlmigrate output
--
CREATE TABLE "crm_company" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(200) NOT NULL, "website" varchar(200) NOT NULL, "created" datetime NOT NULL);
CREATE TABLE "crm_contact" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "first_name" varchar(100) NOT NULL, "last_name" varchar(100) NOT NULL, "email" varchar(254) NOT NULL, "company_id" bigint NULL REFERENCES "crm_company" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "crm_contact_company_id_8c4b5ba4" ON "crm_contact" ("company_id");
