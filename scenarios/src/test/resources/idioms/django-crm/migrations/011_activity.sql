--
-- Create model Activity
--
CREATE TABLE "crm_activity" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "kind" varchar(10) NOT NULL, "note" text NOT NULL, "at" datetime NOT NULL, "deal_id" bigint NOT NULL REFERENCES "crm_deal" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "crm_activity_deal_id_5c6d7e8f" ON "crm_activity" ("deal_id");
--
-- Create index crm_activit_at_idx on field(s) -at of model activity
--
CREATE INDEX "crm_activit_at_2b3c4d_idx" ON "crm_activity" ("at" DESC);
