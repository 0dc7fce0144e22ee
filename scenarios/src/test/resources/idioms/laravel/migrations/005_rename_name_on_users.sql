-- 2022_01_17_080000_rename_name_on_users: renameColumn (native RENAME COLUMN since Laravel 9), then an index on it
alter table "users" rename column "name" to "display_name";
create index "users_display_name_index" on "users" ("display_name");
