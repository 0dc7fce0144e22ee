-- MIGRATION_3_4: reminders
CREATE TABLE IF NOT EXISTS `Reminder` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `habitId` INTEGER NOT NULL, `minuteOfDay` INTEGER NOT NULL, `enabled` INTEGER NOT NULL, FOREIGN KEY(`habitId`) REFERENCES `Habit`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE );
CREATE INDEX IF NOT EXISTS `index_Reminder_habitId` ON `Reminder` (`habitId`);
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, 'd5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5');
