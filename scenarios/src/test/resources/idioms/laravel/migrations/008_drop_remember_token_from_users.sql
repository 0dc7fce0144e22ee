-- 2024_05_20_093000_drop_remember_token_from_users: dropColumn and a foreign key on current_team_id under
-- Laravel 11, whose SQLite grammar rebuilds the table itself: "__temp__users", copy, drop, rename, indexes again,
-- with foreign keys off around it. The view over users would stop the rename: the author drops it first and
-- makes it again after.
drop view "team_members";
pragma foreign_keys = off;
create table "__temp__users" ("id" integer primary key autoincrement not null, "display_name" varchar not null, "email" varchar not null, "email_verified_at" datetime, "password" varchar not null, "created_at" datetime, "updated_at" datetime, "current_team_id" integer, foreign key("current_team_id") references "teams"("id") on delete set null);
insert into "__temp__users" ("id", "display_name", "email", "email_verified_at", "password", "created_at", "updated_at", "current_team_id") select "id", "display_name", "email", "email_verified_at", "password", "created_at", "updated_at", "current_team_id" from "users";
drop table "users";
alter table "__temp__users" rename to "users";
create unique index "users_email_unique" on "users" ("email");
create index "users_display_name_index" on "users" ("display_name");
pragma foreign_keys = on;
create view "team_members" as select "team_user"."team_id", "users"."id" as "user_id", "users"."display_name", "team_user"."role" from "team_user" inner join "users" on "users"."id" = "team_user"."user_id";
