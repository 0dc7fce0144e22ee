-- 1684000000000-UserDisplayName.ts: a hand-added data step between two generated ones: the names move into one
-- column before the old ones are dropped (a rebuild of "user", which photo cascades from)
ALTER TABLE "user" ADD COLUMN "displayName" varchar;
UPDATE "user" SET "displayName" = "firstName" || ' ' || "lastName";
CREATE TABLE "temporary_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar NOT NULL, "displayName" varchar NOT NULL, CONSTRAINT "UQ_e12875dfb3b1d92d7d7c5377e22" UNIQUE ("email"));
INSERT INTO "temporary_user"("id", "email", "displayName") SELECT "id", "email", "displayName" FROM "user";
DROP TABLE "user";
ALTER TABLE "temporary_user" RENAME TO "user";
