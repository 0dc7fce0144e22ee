-- 20220301080000_list_counts.js: a counter column kept by triggers, filled once, and the seed renamed
alter table `lists` add column `todo_count` integer not null default '0';
update `lists` set `todo_count` = (select count(*) from `todos` where `todos`.`list_id` = `lists`.`id`);
create trigger `todos_count_insert` after insert on `todos` begin update `lists` set `todo_count` = `todo_count` + 1 where `id` = new.`list_id`; end;
create trigger `todos_count_delete` after delete on `todos` begin update `lists` set `todo_count` = `todo_count` - 1 where `id` = old.`list_id`; end;
update `statuses` set `name` = 'completed' where `id` = 2;
