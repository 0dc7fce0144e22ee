-- 20240212141530_AddBlogRating: AddColumn<int> with defaultValue 0 (a plain ALTER TABLE ... ADD)
ALTER TABLE "Blogs" ADD "Rating" INTEGER NOT NULL DEFAULT 0;
