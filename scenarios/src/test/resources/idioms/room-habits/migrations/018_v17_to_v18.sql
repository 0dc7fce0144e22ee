-- MIGRATION_17_18: Alarm.days dropped again (SQLite 3.35 DROP COLUMN on API 34+), its index on time replaced by a partial one
DROP INDEX IF EXISTS `index_Alarm_time`;
ALTER TABLE `Alarm` DROP COLUMN `days`;
CREATE INDEX IF NOT EXISTS `index_Alarm_time` ON `Alarm` (`time`) WHERE `enabled` = 1;
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, 'b3a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9');
