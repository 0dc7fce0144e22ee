ALTER TABLE `todos` ADD `due_at` integer;--> statement-breakpoint
CREATE INDEX `todos_user_id_idx` ON `todos` (`user_id`);
