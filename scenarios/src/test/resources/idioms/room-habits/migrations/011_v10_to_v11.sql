-- MIGRATION_10_11: Reminder is renamed to Alarm (@RenameTable); Room renames, then rebuilds to fix the index names
ALTER TABLE `Reminder` RENAME TO `Alarm`;
CREATE TABLE IF NOT EXISTS `_new_Alarm` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `habitId` INTEGER NOT NULL, `time` INTEGER NOT NULL, `enabled` INTEGER NOT NULL, `days` INTEGER NOT NULL DEFAULT 127, FOREIGN KEY(`habitId`) REFERENCES `Habit`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE );
INSERT INTO `_new_Alarm` (`id`,`habitId`,`time`,`enabled`) SELECT `id`,`habitId`,`time`,`enabled` FROM `Alarm`;
DROP TABLE `Alarm`;
ALTER TABLE `_new_Alarm` RENAME TO `Alarm`;
CREATE INDEX IF NOT EXISTS `index_Alarm_habitId` ON `Alarm` (`habitId`);
CREATE INDEX IF NOT EXISTS `index_Alarm_time` ON `Alarm` (`time`);
PRAGMA foreign_key_check(`Alarm`);
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, '4cf4a6b8c0d2e4f6a8b0c2d4e6f8a0b2');
