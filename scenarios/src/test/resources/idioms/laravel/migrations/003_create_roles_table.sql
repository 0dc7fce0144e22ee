-- 2020_06_02_090000_create_roles_table: a lookup table seeded in the migration (DB::table('roles')->insert)
create table "roles" ("id" integer primary key autoincrement not null, "name" varchar not null, "label" varchar not null);
create unique index "roles_name_unique" on "roles" ("name");
insert into "roles" ("name", "label") values ('owner', 'Owner'), ('editor', 'Editor'), ('member', 'Member');
