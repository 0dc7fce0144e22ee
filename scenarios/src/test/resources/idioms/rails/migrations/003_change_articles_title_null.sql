-- 20240315081500: change_column_null :articles, :title, false, "Untitled"
-- ActiveRecord fills the NULLs first, then alter_table copies the table to a TEMPORARY "a<table>", drops it,
-- creates it anew, copies the rows back and drops the temporary copy.
UPDATE "articles" SET "title"='Untitled' WHERE "title" IS NULL;
CREATE TEMPORARY TABLE "aarticles" ("id" integer NOT NULL PRIMARY KEY, "title" varchar DEFAULT NULL, "body" text DEFAULT NULL, "user_id" integer NOT NULL, "created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL);
CREATE INDEX "tindex_aarticles_on_user_id" ON "aarticles" ("user_id");
INSERT INTO "aarticles" ("id","title","body","user_id","created_at","updated_at")
                     SELECT "id","title","body","user_id","created_at","updated_at" FROM "articles";
DROP TABLE "articles";
CREATE TABLE "articles" ("id" integer NOT NULL PRIMARY KEY, "title" varchar NOT NULL, "body" text DEFAULT NULL, "user_id" integer NOT NULL, "created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL, CONSTRAINT "fk_rails_3d31dad1cc"
FOREIGN KEY ("user_id")
  REFERENCES "users" ("id")
);
CREATE INDEX "index_articles_on_user_id" ON "articles" ("user_id");
INSERT INTO "articles" ("id","title","body","user_id","created_at","updated_at")
                     SELECT "id","title","body","user_id","created_at","updated_at" FROM "aarticles";
DROP TABLE "aarticles";
