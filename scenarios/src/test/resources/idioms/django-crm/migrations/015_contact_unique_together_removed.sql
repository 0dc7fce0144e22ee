--
-- Alter unique_together for contact (0 constraint(s)); Add constraint unique_contact_email (a UniqueConstraint with a condition)
--
DROP INDEX "crm_contact_company_id_email_4f6a1b2c_uniq";
CREATE UNIQUE INDEX "unique_contact_email" ON "crm_contact" ("email") WHERE "email" <> '';
