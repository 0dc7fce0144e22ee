-- 20190602090000_todos_status.js: a status column filled from the old boolean (knex.raw), and its index
alter table `todos` add column `status_id` integer not null default '1';
update `todos` set `status_id` = 2 where `done` = 1;
create index `todos_status_id_index` on `todos` (`status_id`);
