-- 2022_08_30_140000_add_current_team_id_to_users: a new column filled from another table, and the roles seed
-- changed (DB::table('roles')->where(...)->update(...))
alter table "users" add column "current_team_id" integer;
update "users" set "current_team_id" = (select "team_id" from "team_user" where "team_user"."user_id" = "users"."id" order by "team_user"."id" limit 1);
update "roles" set "label" = 'Administrator' where "name" = 'owner';
