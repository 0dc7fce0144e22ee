--
-- Raw SQL operation: the seeded stages are renamed for the new pipeline
--
UPDATE "crm_stage" SET "name" = 'contacted' WHERE "name" = 'qualified';
INSERT OR IGNORE INTO "crm_stage" ("name", "order") VALUES ('proposal', 2);
UPDATE "crm_stage" SET "order" = 3 WHERE "name" = 'won';
UPDATE "crm_stage" SET "order" = 4 WHERE "name" = 'lost';
