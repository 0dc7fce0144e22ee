-- 20240515100000_PostSummaries: migrationBuilder.Sql for what the model cannot say: a view and two triggers
CREATE VIEW "PostSummaries" AS
SELECT p."Id", p."Title", b."Name" AS "BlogName", a."Name" AS "AuthorName"
FROM "Posts" AS p
JOIN "Blogs" AS b ON b."Id" = p."BlogId"
LEFT JOIN "Authors" AS a ON a."Id" = p."AuthorId";

CREATE TRIGGER "Blogs_Rating_Clamp" AFTER UPDATE OF "Rating" ON "Blogs"
WHEN NEW."Rating" > 5
BEGIN
    UPDATE "Blogs" SET "Rating" = 5 WHERE "Id" = NEW."Id";
END;

CREATE TRIGGER "Posts_Title_Trim" AFTER INSERT ON "Posts"
BEGIN
    UPDATE "Posts" SET "Title" = trim("Title") WHERE "Id" = NEW."Id";
END;
