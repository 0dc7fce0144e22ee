--
-- Alter field website on company (null=True)
--
CREATE TABLE "new__crm_company" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(200) NOT NULL, "created" datetime NOT NULL, "website" varchar(200) NULL);
INSERT INTO "new__crm_company" ("id", "name", "created", "website") SELECT "id", "name", "created", "website" FROM "crm_company";
DROP TABLE "crm_company";
ALTER TABLE "new__crm_company" RENAME TO "crm_company";
--
-- Raw SQL operation
--
UPDATE "crm_company" SET "website" = NULL WHERE "website" = '';
