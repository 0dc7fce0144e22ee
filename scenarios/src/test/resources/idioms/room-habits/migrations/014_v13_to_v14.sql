-- AutoMigration 13 -> 14: Checkin.day becomes `date` (TEXT, ISO); column renamed AND retyped: a rebuild, with the FTS
-- triggers dropped first and made again (Room's AutoMigration for an FTS content entity)
DROP TRIGGER IF EXISTS room_fts_content_sync_CheckinFts_BEFORE_UPDATE;
DROP TRIGGER IF EXISTS room_fts_content_sync_CheckinFts_BEFORE_DELETE;
DROP TRIGGER IF EXISTS room_fts_content_sync_CheckinFts_AFTER_UPDATE;
DROP TRIGGER IF EXISTS room_fts_content_sync_CheckinFts_AFTER_INSERT;
DROP VIEW IF EXISTS `HabitWithCount`;
CREATE TABLE IF NOT EXISTS `_new_Checkin` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `habitId` INTEGER NOT NULL, `date` TEXT NOT NULL, `note` TEXT, FOREIGN KEY(`habitId`) REFERENCES `Habit`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE );
INSERT INTO `_new_Checkin` (`id`,`habitId`,`date`,`note`) SELECT `id`,`habitId`,coalesce(date(`day` * 86400, 'unixepoch'), 'day ' || `day`),`note` FROM `Checkin`;
DROP TABLE `Checkin`;
ALTER TABLE `_new_Checkin` RENAME TO `Checkin`;
CREATE UNIQUE INDEX IF NOT EXISTS `index_Checkin_habitId_date` ON `Checkin` (`habitId`, `date`);
PRAGMA foreign_key_check(`Checkin`);
CREATE TRIGGER IF NOT EXISTS room_fts_content_sync_CheckinFts_BEFORE_UPDATE BEFORE UPDATE ON `Checkin` BEGIN DELETE FROM `CheckinFts` WHERE `docid`=OLD.`rowid`; END;
CREATE TRIGGER IF NOT EXISTS room_fts_content_sync_CheckinFts_BEFORE_DELETE BEFORE DELETE ON `Checkin` BEGIN DELETE FROM `CheckinFts` WHERE `docid`=OLD.`rowid`; END;
CREATE TRIGGER IF NOT EXISTS room_fts_content_sync_CheckinFts_AFTER_UPDATE AFTER UPDATE ON `Checkin` BEGIN INSERT INTO `CheckinFts`(`docid`, `note`) VALUES (NEW.`rowid`, NEW.`note`); END;
CREATE TRIGGER IF NOT EXISTS room_fts_content_sync_CheckinFts_AFTER_INSERT AFTER INSERT ON `Checkin` BEGIN INSERT INTO `CheckinFts`(`docid`, `note`) VALUES (NEW.`rowid`, NEW.`note`); END;
CREATE VIEW `HabitWithCount` AS SELECT h.id, h.name, h.color, COUNT(c.id) AS checkins FROM Habit h LEFT JOIN Checkin c ON c.habitId = h.id WHERE h.archived = 0 GROUP BY h.id;
INSERT INTO `CheckinFts`(`CheckinFts`) VALUES ('rebuild');
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, '7fc7d9e1f3a5b7c9d1e3f5a7b9c1d3e5');
