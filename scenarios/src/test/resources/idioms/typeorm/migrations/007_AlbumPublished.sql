-- 1686000000000-AlbumPublished.ts: a NOT NULL column with a default on album (rebuild); the view over album is
-- dropped and made again, as TypeORM does for the views it manages
DROP VIEW "album_view";
CREATE TABLE "temporary_album" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar NOT NULL, "categoryId" integer, "published" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_8c3e1e5f4d2f0e3d4b1e2a9c1f7" FOREIGN KEY ("categoryId") REFERENCES "category" ("id") ON DELETE SET NULL ON UPDATE NO ACTION);
INSERT INTO "temporary_album"("id", "title", "categoryId") SELECT "id", "title", "categoryId" FROM "album";
DROP TABLE "album";
ALTER TABLE "temporary_album" RENAME TO "album";
CREATE VIEW "album_view" AS SELECT "a"."id" AS "id", "a"."title" AS "title", "a"."published" AS "published", "c"."name" AS "category", "s"."photoCount" AS "photoCount" FROM "album" "a" LEFT JOIN "category" "c" ON "c"."id" = "a"."categoryId" LEFT JOIN "album_stats" "s" ON "s"."albumId" = "a"."id";
