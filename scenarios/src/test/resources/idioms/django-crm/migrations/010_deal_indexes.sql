--
-- Django renames nothing else, so a later makemigrations re-creates the indexes under the new model's names
--
DROP INDEX "crm_lead_contact_id_3b1f1c1e";
CREATE INDEX "crm_deal_primary_contact_id_9a8b7c6d" ON "crm_deal" ("primary_contact_id");
DROP INDEX "crm_lead_stage_id_7d2e4f1a";
CREATE INDEX "crm_deal_stage_id_1e2f3a4b" ON "crm_deal" ("stage_id");
