--
-- Raw SQL operation: status strings become stages
--
UPDATE "crm_lead" SET "stage_id" = (SELECT "id" FROM "crm_stage" WHERE "crm_stage"."name" = "crm_lead"."status") WHERE "stage_id" IS NULL;
UPDATE "crm_lead" SET "stage_id" = (SELECT "id" FROM "crm_stage" WHERE "name" = 'new') WHERE "stage_id" IS NULL;
