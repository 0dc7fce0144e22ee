-- 20190201100000: profiles split out of users, one per existing user (a data migration in the same file)
CREATE TABLE "profiles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "bio" text DEFAULT '' NOT NULL, "website" varchar, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, CONSTRAINT "fk_rails_e424190865"
FOREIGN KEY ("user_id")
  REFERENCES "users" ("id")
);
CREATE UNIQUE INDEX "index_profiles_on_user_id" ON "profiles" ("user_id");
INSERT INTO "profiles" ("user_id", "created_at", "updated_at") SELECT "id", "created_at", "updated_at" FROM "users" WHERE "id" NOT IN (SELECT "user_id" FROM "profiles");
