--
-- Remove field status from lead
--
ALTER TABLE "crm_lead" DROP COLUMN "status";
