-- 20240301101500_AddTags: a many-to-many join entity and HasData seeds (InsertData)
CREATE TABLE "Tags" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tags" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);

CREATE TABLE "PostTag" (
    "PostsId" INTEGER NOT NULL,
    "TagsId" INTEGER NOT NULL,
    CONSTRAINT "PK_PostTag" PRIMARY KEY ("PostsId", "TagsId"),
    CONSTRAINT "FK_PostTag_Posts_PostsId" FOREIGN KEY ("PostsId") REFERENCES "Posts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PostTag_Tags_TagsId" FOREIGN KEY ("TagsId") REFERENCES "Tags" ("Id") ON DELETE CASCADE
);

INSERT INTO "Tags" ("Id", "Name")
VALUES (1, 'general');
INSERT INTO "Tags" ("Id", "Name")
VALUES (2, 'news');

CREATE INDEX "IX_PostTag_TagsId" ON "PostTag" ("TagsId");

CREATE UNIQUE INDEX "IX_Tags_Name" ON "Tags" ("Name");
