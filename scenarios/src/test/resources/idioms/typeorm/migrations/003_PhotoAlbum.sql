-- 1682000000000-PhotoAlbum.ts: photos join albums (a new nullable column with a foreign key: one rebuild)
DROP INDEX "IDX_4494006ff358f754d07df5ccc8";
CREATE TABLE "temporary_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "url" varchar NOT NULL, "userId" integer, "albumId" integer, CONSTRAINT "FK_4494006ff358f754d07df5ccc87" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_464f927ae360106b783ed0b4106" FOREIGN KEY ("albumId") REFERENCES "album" ("id") ON DELETE CASCADE ON UPDATE NO ACTION);
INSERT INTO "temporary_photo"("id", "url", "userId") SELECT "id", "url", "userId" FROM "photo";
DROP TABLE "photo";
ALTER TABLE "temporary_photo" RENAME TO "photo";
CREATE INDEX "IDX_4494006ff358f754d07df5ccc8" ON "photo" ("userId") ;
