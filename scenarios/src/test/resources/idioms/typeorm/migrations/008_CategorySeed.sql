-- 1687000000000-CategorySeed.ts: the seed renamed and one more added
UPDATE "category" SET "name" = 'other' WHERE "name" = 'misc';
INSERT INTO "category" ("name") SELECT 'family' WHERE NOT EXISTS (SELECT 1 FROM "category" WHERE "name" = 'family');
