-- 20190412083000_create_users.js (knex migrate:up, sqlite3 client; knex_migrations bookkeeping left out)
create table `users` (`id` integer not null primary key autoincrement, `email` varchar(255) not null, `name` varchar(255), `created_at` datetime not null default CURRENT_TIMESTAMP);
create unique index `users_email_unique` on `users` (`email`);
