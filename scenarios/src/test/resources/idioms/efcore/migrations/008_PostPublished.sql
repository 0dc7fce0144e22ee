-- 20240603150000_PostPublished: DropColumn Content and AddColumn PublishedOn. DropColumn is a rebuild; the view
-- over Posts would stop the rename, so the author drops it first and makes it again after (Sql).
DROP VIEW "PostSummaries";

ALTER TABLE "Posts" ADD "PublishedOn" TEXT NULL;

UPDATE "Posts" SET "PublishedOn" = '2024-06-03 00:00:00' WHERE "PublishedOn" IS NULL;

CREATE TABLE "ef_temp_Posts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT,
    "AuthorId" INTEGER NULL,
    "BlogId" INTEGER NOT NULL,
    "PublishedOn" TEXT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_Posts_Authors_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "Authors" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Posts_Blogs_BlogId" FOREIGN KEY ("BlogId") REFERENCES "Blogs" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_Posts" ("Id", "AuthorId", "BlogId", "PublishedOn", "Title")
SELECT "Id", "AuthorId", "BlogId", "PublishedOn", "Title"
FROM "Posts";

PRAGMA foreign_keys = 0;

DROP TABLE "Posts";

ALTER TABLE "ef_temp_Posts" RENAME TO "Posts";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_Posts_AuthorId" ON "Posts" ("AuthorId");

CREATE INDEX "IX_Posts_BlogId" ON "Posts" ("BlogId");

CREATE VIEW "PostSummaries" AS
SELECT p."Id", p."Title", p."PublishedOn", b."Name" AS "BlogName", a."Name" AS "AuthorName"
FROM "Posts" AS p
JOIN "Blogs" AS b ON b."Id" = p."BlogId"
LEFT JOIN "Authors" AS a ON a."Id" = p."AuthorId";
