-- AlterTable
ALTER TABLE "Post" ADD COLUMN "slug" TEXT;

-- Backfill the new column for existing posts (edited by hand after `prisma migrate dev --create-only`)
UPDATE "Post" SET "slug" = 'post-' || "id" WHERE "slug" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Post_slug_key" ON "Post"("slug");
