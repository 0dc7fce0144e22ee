-- 20230301120000: an older adapter's alter_table, kept in structure.sql form: the table is renamed to
-- "a<table>", created anew, the rows copied back, the "a<table>" dropped, and its indexes created again.
ALTER TABLE "tasks" RENAME TO "atasks";
CREATE TABLE "tasks" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "title" varchar NOT NULL, "done" boolean DEFAULT 0 NOT NULL, "position" integer DEFAULT 0 NOT NULL, "created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL, CONSTRAINT "fk_rails_02e851e3b7"
FOREIGN KEY ("project_id")
  REFERENCES "projects" ("id")
);
INSERT INTO "tasks" ("id","project_id","title","done","created_at","updated_at")
                     SELECT "id","project_id","title","done","created_at","updated_at" FROM "atasks";
DROP TABLE "atasks";
CREATE INDEX "index_tasks_on_project_id" ON "tasks" ("project_id");
CREATE INDEX "index_tasks_on_project_id_and_position" ON "tasks" ("project_id", "position");
