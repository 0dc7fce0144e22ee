-- 20240320080000_PostTitleRequired: AlterColumn Title nullable: false. The provider rebuilds "Posts" through
-- "ef_temp_Posts" with foreign keys off around the drop (PostTag cascades from Posts); the UPDATE is the
-- migrationBuilder.Sql the author put first so that no NULL title reaches the NOT NULL copy.
UPDATE "Posts" SET "Title" = '(untitled)' WHERE "Title" IS NULL;

CREATE TABLE "ef_temp_Posts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT,
    "BlogId" INTEGER NOT NULL,
    "Content" TEXT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_Posts_Blogs_BlogId" FOREIGN KEY ("BlogId") REFERENCES "Blogs" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_Posts" ("Id", "BlogId", "Content", "Title")
SELECT "Id", "BlogId", "Content", IFNULL("Title", '')
FROM "Posts";

PRAGMA foreign_keys = 0;

DROP TABLE "Posts";

ALTER TABLE "ef_temp_Posts" RENAME TO "Posts";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_Posts_BlogId" ON "Posts" ("BlogId");
