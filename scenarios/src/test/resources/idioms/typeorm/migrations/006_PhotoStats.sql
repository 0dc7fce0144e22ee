-- 1685000000000-PhotoStats.ts: a table of per-album counts filled from the photos, kept by a trigger, and a view
CREATE TABLE "album_stats" ("albumId" integer PRIMARY KEY NOT NULL, "photoCount" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_0a2b9c6d3e8f1a4b5c6d7e8f9a0" FOREIGN KEY ("albumId") REFERENCES "album" ("id") ON DELETE CASCADE ON UPDATE NO ACTION);
INSERT INTO "album_stats" ("albumId", "photoCount") SELECT "a"."id", (SELECT count(*) FROM "photo" "p" WHERE "p"."albumId" = "a"."id") FROM "album" "a";
CREATE TRIGGER "photo_count_insert" AFTER INSERT ON "photo" WHEN NEW."albumId" IS NOT NULL BEGIN UPDATE "album_stats" SET "photoCount" = "photoCount" + 1 WHERE "albumId" = NEW."albumId"; END;
CREATE VIEW "album_view" AS SELECT "a"."id" AS "id", "a"."title" AS "title", "c"."name" AS "category", "s"."photoCount" AS "photoCount" FROM "album" "a" LEFT JOIN "category" "c" ON "c"."id" = "a"."categoryId" LEFT JOIN "album_stats" "s" ON "s"."albumId" = "a"."id";
