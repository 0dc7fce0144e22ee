-- 2020_05_21_100000_create_teams_table: a team and its members, both foreign keys cascading
create table "teams" ("id" integer primary key autoincrement not null, "user_id" integer not null, "name" varchar not null, "personal_team" tinyint(1) not null, "created_at" datetime, "updated_at" datetime);
create index "teams_user_id_index" on "teams" ("user_id");
create table "team_user" ("id" integer primary key autoincrement not null, "team_id" integer not null, "user_id" integer not null, "role" varchar, "created_at" datetime, "updated_at" datetime, foreign key("team_id") references "teams"("id") on delete cascade, foreign key("user_id") references "users"("id") on delete cascade);
create unique index "team_user_team_id_user_id_unique" on "team_user" ("team_id", "user_id");
