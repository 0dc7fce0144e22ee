-- 1683000000000-PhotoCaption.ts: @Column renamed from url to path (TypeORM rebuilds for a rename too), then an
-- index on the new name
DROP INDEX "IDX_4494006ff358f754d07df5ccc8";
CREATE TABLE "temporary_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "path" varchar NOT NULL, "userId" integer, "albumId" integer, CONSTRAINT "FK_4494006ff358f754d07df5ccc87" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_464f927ae360106b783ed0b4106" FOREIGN KEY ("albumId") REFERENCES "album" ("id") ON DELETE CASCADE ON UPDATE NO ACTION);
INSERT INTO "temporary_photo"("id", "path", "userId", "albumId") SELECT "id", "url", "userId", "albumId" FROM "photo";
DROP TABLE "photo";
ALTER TABLE "temporary_photo" RENAME TO "photo";
CREATE INDEX "IDX_4494006ff358f754d07df5ccc8" ON "photo" ("userId") ;
CREATE UNIQUE INDEX "IDX_1e5a0a1a3b0c1f5d8e2b6c7d9a" ON "photo" ("path") ;
