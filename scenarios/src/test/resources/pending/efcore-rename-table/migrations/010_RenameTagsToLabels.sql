-- 20240815110000_RenameTagsToLabels: RenameTable and RenameIndex. SQLite rewrites the foreign key of "PostTag" to the
-- new name itself; the index is renamed as a drop and a create.
ALTER TABLE "Tags" RENAME TO "Labels";

DROP INDEX "IX_Tags_Name";

CREATE UNIQUE INDEX "IX_Labels_Name" ON "Labels" ("Name");
