-- sqlite-utils transform owners --not-null email --default email '' (transform_sql() output; the copy edited by
-- hand to fill the NULL emails, which the NOT NULL column would refuse)
CREATE TABLE "owners_new_a83c0e5d71f2" (
   "id" INTEGER PRIMARY KEY,
   "name" TEXT NOT NULL,
   "email" TEXT NOT NULL DEFAULT '',
   "joined" TEXT
);
INSERT INTO "owners_new_a83c0e5d71f2" ("id", "name", "email")
   SELECT "id", "name", COALESCE("email", '') FROM "owners";
DROP TABLE "owners";
ALTER TABLE "owners_new_a83c0e5d71f2" RENAME TO "owners";
CREATE INDEX "idx_owners_email" ON "owners" ("email");
