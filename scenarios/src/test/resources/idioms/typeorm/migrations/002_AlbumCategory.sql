-- 1681000000000-AlbumCategory.ts: a category lookup with its seed (queryRunner.query) and albums
CREATE TABLE "category" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, CONSTRAINT "UQ_23c05c292c439d77b0de816b500" UNIQUE ("name"));
CREATE TABLE "album" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar NOT NULL, "categoryId" integer);
INSERT INTO "category" ("name") VALUES ('misc'), ('travel');
CREATE TABLE "temporary_album" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar NOT NULL, "categoryId" integer, CONSTRAINT "FK_8c3e1e5f4d2f0e3d4b1e2a9c1f7" FOREIGN KEY ("categoryId") REFERENCES "category" ("id") ON DELETE SET NULL ON UPDATE NO ACTION);
INSERT INTO "temporary_album"("id", "title", "categoryId") SELECT "id", "title", "categoryId" FROM "album";
DROP TABLE "album";
ALTER TABLE "temporary_album" RENAME TO "album";
