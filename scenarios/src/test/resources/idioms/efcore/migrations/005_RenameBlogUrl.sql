-- 20240410120000_RenameBlogUrl: RenameColumn (native since SQLite 3.25) and a unique index on the new name
ALTER TABLE "Blogs" RENAME COLUMN "Url" TO "SiteUrl";

CREATE UNIQUE INDEX "IX_Blogs_SiteUrl" ON "Blogs" ("SiteUrl");
