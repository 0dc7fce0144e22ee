-- 20160402093000_add_username_to_users.rb
ALTER TABLE "users" ADD "username" varchar;
CREATE UNIQUE INDEX "index_users_on_username" ON "users" ("username");
