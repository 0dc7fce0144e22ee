-- MIGRATION_9_10: Reminder.minuteOfDay renamed to `time` (AutoMigration with @RenameColumn, on SQLite 3.25+)
ALTER TABLE `Reminder` RENAME COLUMN `minuteOfDay` TO `time`;
CREATE INDEX IF NOT EXISTS `index_Reminder_time` ON `Reminder` (`time`);
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, '3be3f5a7b9c1d3e5f7a9b1c3d5e7f9a1');
