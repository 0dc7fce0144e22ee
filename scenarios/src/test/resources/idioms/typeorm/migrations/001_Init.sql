-- 1680000000000-Init.ts (typeorm migration:generate, sqlite driver): tables first, then each foreign key as a
-- rebuild through "temporary_<table>"
CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar NOT NULL, "firstName" varchar NOT NULL, "lastName" varchar NOT NULL, CONSTRAINT "UQ_e12875dfb3b1d92d7d7c5377e22" UNIQUE ("email"));
CREATE TABLE "photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "url" varchar NOT NULL, "userId" integer);
CREATE INDEX "IDX_4494006ff358f754d07df5ccc8" ON "photo" ("userId") ;
DROP INDEX "IDX_4494006ff358f754d07df5ccc8";
CREATE TABLE "temporary_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "url" varchar NOT NULL, "userId" integer, CONSTRAINT "FK_4494006ff358f754d07df5ccc87" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION);
INSERT INTO "temporary_photo"("id", "url", "userId") SELECT "id", "url", "userId" FROM "photo";
DROP TABLE "photo";
ALTER TABLE "temporary_photo" RENAME TO "photo";
CREATE INDEX "IDX_4494006ff358f754d07df5ccc8" ON "photo" ("userId") ;
