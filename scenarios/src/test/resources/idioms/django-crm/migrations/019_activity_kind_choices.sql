--
-- Create constraint activity_kind_valid on model activity
--
CREATE TABLE "new__crm_activity" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "kind" varchar(10) NOT NULL, "note" text NOT NULL, "at" datetime NOT NULL, "deal_id" bigint NOT NULL REFERENCES "crm_deal" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "activity_kind_valid" CHECK ("kind" IN ('call', 'email', 'meeting', 'note')));
INSERT INTO "new__crm_activity" ("id", "kind", "note", "at", "deal_id") SELECT "id", CASE WHEN "kind" IN ('call', 'email', 'meeting') THEN "kind" ELSE 'note' END, "note", "at", "deal_id" FROM "crm_activity";
DROP TABLE "crm_activity";
ALTER TABLE "new__crm_activity" RENAME TO "crm_activity";
CREATE INDEX "crm_activity_deal_id_5c6d7e8f" ON "crm_activity" ("deal_id");
CREATE INDEX "crm_activit_at_2b3c4d_idx" ON "crm_activity" ("at" DESC);
