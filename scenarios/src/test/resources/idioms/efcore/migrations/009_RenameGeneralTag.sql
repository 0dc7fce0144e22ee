-- 20240701090000_RenameGeneralTag: UpdateData on a HasData seed, as the provider writes it
UPDATE "Tags" SET "Name" = 'General'
WHERE "Id" = 1;
SELECT changes();
