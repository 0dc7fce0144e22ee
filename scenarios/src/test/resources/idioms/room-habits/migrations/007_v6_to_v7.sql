-- MIGRATION_6_7: notes on check-ins, searchable with an @Fts4(contentEntity = Checkin::class) table and Room's sync triggers
ALTER TABLE `Checkin` ADD COLUMN `note` TEXT;
CREATE VIRTUAL TABLE IF NOT EXISTS `CheckinFts` USING FTS4(`note` TEXT, content=`Checkin`);
CREATE TRIGGER IF NOT EXISTS room_fts_content_sync_CheckinFts_BEFORE_UPDATE BEFORE UPDATE ON `Checkin` BEGIN DELETE FROM `CheckinFts` WHERE `docid`=OLD.`rowid`; END;
CREATE TRIGGER IF NOT EXISTS room_fts_content_sync_CheckinFts_BEFORE_DELETE BEFORE DELETE ON `Checkin` BEGIN DELETE FROM `CheckinFts` WHERE `docid`=OLD.`rowid`; END;
CREATE TRIGGER IF NOT EXISTS room_fts_content_sync_CheckinFts_AFTER_UPDATE AFTER UPDATE ON `Checkin` BEGIN INSERT INTO `CheckinFts`(`docid`, `note`) VALUES (NEW.`rowid`, NEW.`note`); END;
CREATE TRIGGER IF NOT EXISTS room_fts_content_sync_CheckinFts_AFTER_INSERT AFTER INSERT ON `Checkin` BEGIN INSERT INTO `CheckinFts`(`docid`, `note`) VALUES (NEW.`rowid`, NEW.`note`); END;
INSERT INTO `CheckinFts`(`CheckinFts`) VALUES ('rebuild');
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, '08b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8');
