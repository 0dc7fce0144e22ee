--
-- Create model Stage
--
CREATE TABLE "crm_stage" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(50) NOT NULL UNIQUE, "order" smallint unsigned NOT NULL CHECK ("order" >= 0));
--
-- Raw SQL operation
--
INSERT OR IGNORE INTO "crm_stage" ("name", "order") VALUES ('new', 0), ('qualified', 1), ('won', 2), ('lost', 3);
