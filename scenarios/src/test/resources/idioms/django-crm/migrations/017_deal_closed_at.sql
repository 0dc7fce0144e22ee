--
-- Add field closed_at to deal (null=True: a plain ADD COLUMN)
--
ALTER TABLE "crm_deal" ADD COLUMN "closed_at" datetime NULL;
--
-- Raw SQL operation
--
UPDATE "crm_deal" SET "closed_at" = '2023-01-01 00:00:00' WHERE "stage_id" IN (SELECT "id" FROM "crm_stage" WHERE "name" IN ('won', 'lost')) AND "closed_at" IS NULL;
