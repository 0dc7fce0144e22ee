-- 20240502090000_AddAuthors: a new entity, a seed, and Posts.AuthorId with its foreign key. AddForeignKey is a
-- rebuild on SQLite: the column is added, then the table is rebuilt with the constraint; the author's Sql
-- points every existing post at the seeded author.
CREATE TABLE "Authors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Authors" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Email" TEXT NULL
);

INSERT INTO "Authors" ("Id", "Email", "Name")
VALUES (1, NULL, 'Unknown');

ALTER TABLE "Posts" ADD "AuthorId" INTEGER NULL;

UPDATE "Posts" SET "AuthorId" = 1 WHERE "AuthorId" IS NULL;

CREATE TABLE "ef_temp_Posts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT,
    "AuthorId" INTEGER NULL,
    "BlogId" INTEGER NOT NULL,
    "Content" TEXT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_Posts_Authors_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "Authors" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Posts_Blogs_BlogId" FOREIGN KEY ("BlogId") REFERENCES "Blogs" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_Posts" ("Id", "AuthorId", "BlogId", "Content", "Title")
SELECT "Id", "AuthorId", "BlogId", "Content", "Title"
FROM "Posts";

PRAGMA foreign_keys = 0;

DROP TABLE "Posts";

ALTER TABLE "ef_temp_Posts" RENAME TO "Posts";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_Posts_AuthorId" ON "Posts" ("AuthorId");

CREATE INDEX "IX_Posts_BlogId" ON "Posts" ("BlogId");
