-- 2023_04_05_110000_create_team_members_view: DB::statement for a view and a trigger
create view "team_members" as select "team_user"."team_id", "users"."id" as "user_id", "users"."display_name", "team_user"."role" from "team_user" inner join "users" on "users"."id" = "team_user"."user_id";
create trigger "teams_touch_on_member" after insert on "team_user" begin update "teams" set "updated_at" = CURRENT_TIMESTAMP where "id" = new."team_id"; end;
