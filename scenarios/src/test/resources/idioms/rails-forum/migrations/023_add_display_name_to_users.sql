-- 20230412090000: add_column :users, :display_name, :string, collation: "NOCASE"; add_index
ALTER TABLE "users" ADD "display_name" varchar COLLATE "NOCASE";
UPDATE "users" SET "display_name" = "username" WHERE "display_name" IS NULL;
CREATE INDEX "index_users_on_display_name" ON "users" ("display_name");
