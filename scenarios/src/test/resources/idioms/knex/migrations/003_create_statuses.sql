-- 20190601100000_create_statuses.js: a lookup table and its seed (knex('statuses').insert([...]))
create table `statuses` (`id` integer not null primary key autoincrement, `name` varchar(255) not null);
create unique index `statuses_name_unique` on `statuses` (`name`);
insert into `statuses` (`id`, `name`) select 1 as `id`, 'open' as `name` union all select 2 as `id`, 'done' as `name`;
