-- 20190412090000_create_lists_todos.js: todos cascade from their list
create table `lists` (`id` integer not null primary key autoincrement, `user_id` integer not null, `title` varchar(255) not null, foreign key(`user_id`) references `users`(`id`) on delete CASCADE);
create index `lists_user_id_index` on `lists` (`user_id`);
create table `todos` (`id` integer not null primary key autoincrement, `list_id` integer not null, `text` varchar(255) not null, `done` boolean not null default '0', foreign key(`list_id`) references `lists`(`id`) on delete CASCADE);
create index `todos_list_id_index` on `todos` (`list_id`);
