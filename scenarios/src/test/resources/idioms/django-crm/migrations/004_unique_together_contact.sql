--
-- Raw SQL operation (duplicates merged before the constraint)
--
DELETE FROM "crm_contact" WHERE "id" NOT IN (SELECT MIN("id") FROM "crm_contact" GROUP BY "company_id", "email");
--
-- Alter unique_together for contact (1 constraint(s))
--
CREATE UNIQUE INDEX "crm_contact_company_id_email_4f6a1b2c_uniq" ON "crm_contact" ("company_id", "email");
