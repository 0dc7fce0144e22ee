-- 20230410080000_add_archived_to_projects.rb, with a data fix in the same migration
ALTER TABLE "projects" ADD "archived" boolean DEFAULT 0 NOT NULL;
UPDATE "projects" SET "archived" = 1 WHERE "name" LIKE 'old-%';
CREATE INDEX "index_projects_on_archived" ON "projects" ("archived");
