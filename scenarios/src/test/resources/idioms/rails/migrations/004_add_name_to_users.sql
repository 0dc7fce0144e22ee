-- 20240402100000_add_name_to_users.rb
ALTER TABLE "users" ADD "name" varchar;
CREATE INDEX "index_users_on_name" ON "users" ("name");
