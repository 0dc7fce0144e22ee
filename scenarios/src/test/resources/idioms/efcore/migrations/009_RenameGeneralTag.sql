-- 20240701090000_RenameGeneralTag: UpdateData on a HasData seed, as the provider writes it; and the trigger on
-- Posts that 008's rebuild dropped with the old table (EF Core does not know it), made again by hand
UPDATE "Tags" SET "Name" = 'General'
WHERE "Id" = 1;
SELECT changes();

CREATE TRIGGER "Posts_Title_Trim" AFTER INSERT ON "Posts"
BEGIN
    UPDATE "Posts" SET "Title" = trim("Title") WHERE "Id" = NEW."Id";
END;
