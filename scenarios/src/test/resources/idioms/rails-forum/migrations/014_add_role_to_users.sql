-- 20190520090000: add_column :users, :role, :string, default: "member", null: false; the first user is the admin
ALTER TABLE "users" ADD "role" varchar DEFAULT 'member' NOT NULL;
UPDATE "users" SET "role" = 'admin' WHERE "id" = (SELECT MIN("id") FROM "users");
CREATE INDEX "index_users_on_role" ON "users" ("role");
