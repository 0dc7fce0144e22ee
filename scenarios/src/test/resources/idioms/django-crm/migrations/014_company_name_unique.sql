--
-- Alter field name on company (unique=True): a remake
--
CREATE TABLE "new__crm_company" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "created" datetime NOT NULL, "website" varchar(200) NULL, "name" varchar(200) NOT NULL UNIQUE);
INSERT INTO "new__crm_company" ("id", "created", "website", "name") SELECT "id", "created", "website", "name" FROM "crm_company";
DROP TABLE "crm_company";
ALTER TABLE "new__crm_company" RENAME TO "crm_company";
