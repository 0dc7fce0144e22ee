-- 20200115110000_drop_todos_done.js: table.dropColumn('done') under knex 0.20, whose SQLite3_DDL copies the table
-- to "_knex_temp_alter<N>" (the old definition, renamed), drops it, creates it anew and copies the rows back.
-- That knex lost the indexes of the table; the next migration makes them again.
CREATE TABLE `_knex_temp_alter217` (`id` integer not null primary key autoincrement, `list_id` integer not null, `text` varchar(255) not null, `done` boolean not null default '0', `status_id` integer not null default '1', foreign key(`list_id`) references `lists`(`id`) on delete CASCADE);
INSERT INTO `_knex_temp_alter217` SELECT * FROM `todos`;
DROP TABLE `todos`;
CREATE TABLE `todos` (`id` integer not null primary key autoincrement, `list_id` integer not null, `text` varchar(255) not null, `status_id` integer not null default '1', foreign key(`list_id`) references `lists`(`id`) on delete CASCADE);
INSERT INTO `todos` SELECT `id`, `list_id`, `text`, `status_id` FROM `_knex_temp_alter217`;
DROP TABLE `_knex_temp_alter217`;
