-- 20211004120000_rename_list_title.js: table.renameColumn('title', 'name') under knex 0.95 (a rebuild through
-- "_knex_temp_alter<N>" renamed into place, foreign keys off around it; indexes made again), then an index on it
PRAGMA foreign_keys = OFF;
CREATE TABLE `_knex_temp_alter842` (`id` integer not null primary key autoincrement, `user_id` integer not null, `name` varchar(255) not null, foreign key(`user_id`) references `users`(`id`) on delete CASCADE);
INSERT INTO `_knex_temp_alter842` SELECT `id`, `user_id`, `title` FROM `lists`;
DROP TABLE "lists";
ALTER TABLE "_knex_temp_alter842" RENAME TO "lists";
CREATE INDEX `lists_user_id_index` on `lists` (`user_id`);
PRAGMA foreign_keys = ON;
create unique index `lists_user_id_name_unique` on `lists` (`user_id`, `name`);
