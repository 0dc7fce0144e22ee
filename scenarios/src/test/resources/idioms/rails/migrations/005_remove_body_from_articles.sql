-- 20240520140000: remove_column :articles, :body (alter_table again: through the TEMPORARY "aarticles")
CREATE TEMPORARY TABLE "aarticles" ("id" integer NOT NULL PRIMARY KEY, "title" varchar NOT NULL, "body" text DEFAULT NULL, "user_id" integer NOT NULL, "created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL);
CREATE INDEX "tindex_aarticles_on_user_id" ON "aarticles" ("user_id");
INSERT INTO "aarticles" ("id","title","body","user_id","created_at","updated_at")
                     SELECT "id","title","body","user_id","created_at","updated_at" FROM "articles";
DROP TABLE "articles";
CREATE TABLE "articles" ("id" integer NOT NULL PRIMARY KEY, "title" varchar NOT NULL, "user_id" integer NOT NULL, "created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL, CONSTRAINT "fk_rails_3d31dad1cc"
FOREIGN KEY ("user_id")
  REFERENCES "users" ("id")
);
CREATE INDEX "index_articles_on_user_id" ON "articles" ("user_id");
INSERT INTO "articles" ("id","title","user_id","created_at","updated_at")
                     SELECT "id","title","user_id","created_at","updated_at" FROM "aarticles";
DROP TABLE "aarticles";
