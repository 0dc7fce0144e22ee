--
-- Rename model Lead to Deal
--
ALTER TABLE "crm_lead" RENAME TO "crm_deal";
--
-- Rename field contact on deal to primary_contact
--
ALTER TABLE "crm_deal" RENAME COLUMN "contact_id" TO "primary_contact_id";
