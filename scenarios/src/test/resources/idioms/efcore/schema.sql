CREATE TABLE IF NOT EXISTS "Blogs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Blogs" PRIMARY KEY AUTOINCREMENT,
    "SiteUrl" TEXT NULL,
    "Name" TEXT NULL
, "Rating" INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS "Tags" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tags" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "PostTag" (
    "PostsId" INTEGER NOT NULL,
    "TagsId" INTEGER NOT NULL,
    CONSTRAINT "PK_PostTag" PRIMARY KEY ("PostsId", "TagsId"),
    CONSTRAINT "FK_PostTag_Posts_PostsId" FOREIGN KEY ("PostsId") REFERENCES "Posts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PostTag_Tags_TagsId" FOREIGN KEY ("TagsId") REFERENCES "Tags" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_PostTag_TagsId" ON "PostTag" ("TagsId");
CREATE UNIQUE INDEX "IX_Tags_Name" ON "Tags" ("Name");
CREATE UNIQUE INDEX "IX_Blogs_SiteUrl" ON "Blogs" ("SiteUrl");
CREATE TABLE IF NOT EXISTS "Authors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Authors" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Email" TEXT NULL
);
CREATE TRIGGER "Blogs_Rating_Clamp" AFTER UPDATE OF "Rating" ON "Blogs"
WHEN NEW."Rating" > 5
BEGIN
    UPDATE "Blogs" SET "Rating" = 5 WHERE "Id" = NEW."Id";
END;
CREATE TABLE IF NOT EXISTS "Posts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT,
    "AuthorId" INTEGER NULL,
    "BlogId" INTEGER NOT NULL,
    "PublishedOn" TEXT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_Posts_Authors_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "Authors" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Posts_Blogs_BlogId" FOREIGN KEY ("BlogId") REFERENCES "Blogs" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_Posts_AuthorId" ON "Posts" ("AuthorId");
CREATE INDEX "IX_Posts_BlogId" ON "Posts" ("BlogId");
CREATE VIEW "PostSummaries" AS
SELECT p."Id", p."Title", p."PublishedOn", b."Name" AS "BlogName", a."Name" AS "AuthorName"
FROM "Posts" AS p
JOIN "Blogs" AS b ON b."Id" = p."BlogId"
LEFT JOIN "Authors" AS a ON a."Id" = p."AuthorId";
CREATE TRIGGER "Posts_Title_Trim" AFTER INSERT ON "Posts"
BEGIN
    UPDATE "Posts" SET "Title" = trim("Title") WHERE "Id" = NEW."Id";
END;
