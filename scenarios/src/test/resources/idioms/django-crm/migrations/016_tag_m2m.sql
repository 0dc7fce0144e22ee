--
-- Create model Tag; Add field tags to deal (a ManyToManyField: Django makes the through table)
--
CREATE TABLE "crm_tag" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "label" varchar(50) NOT NULL UNIQUE);
CREATE TABLE "crm_deal_tags" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "deal_id" bigint NOT NULL REFERENCES "crm_deal" ("id") DEFERRABLE INITIALLY DEFERRED, "tag_id" bigint NOT NULL REFERENCES "crm_tag" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE UNIQUE INDEX "crm_deal_tags_deal_id_tag_id_0f1e2d3c_uniq" ON "crm_deal_tags" ("deal_id", "tag_id");
CREATE INDEX "crm_deal_tags_deal_id_6a7b8c9d" ON "crm_deal_tags" ("deal_id");
CREATE INDEX "crm_deal_tags_tag_id_1a2b3c4d" ON "crm_deal_tags" ("tag_id");
