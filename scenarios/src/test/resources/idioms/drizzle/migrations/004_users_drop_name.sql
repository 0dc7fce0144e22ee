-- drizzle-kit generate output for a users rebuild, with the TEMP backup of the table that cascades from users
-- (sessions: ON DELETE cascade) that drizzle-kit's Cloudflare D1 fix adds (drizzle-orm PR #5074), since D1 ignores
-- PRAGMA foreign_keys=OFF; written here by hand in that shape.
CREATE TEMP TABLE `__backup_sessions` AS SELECT * FROM `sessions`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "email", "is_admin", "created_at") SELECT "id", "email", "is_admin", "created_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
INSERT OR IGNORE INTO `sessions` SELECT * FROM `__backup_sessions`;--> statement-breakpoint
DROP TABLE `__backup_sessions`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);
