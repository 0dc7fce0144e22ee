-- MIGRATION_12_13: streaks, kept per habit in a WITHOUT ROWID table, filled from the check-ins
CREATE TABLE IF NOT EXISTS `Streak` (`habitId` INTEGER NOT NULL, `current` INTEGER NOT NULL, `best` INTEGER NOT NULL, PRIMARY KEY(`habitId`), FOREIGN KEY(`habitId`) REFERENCES `Habit`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE ) WITHOUT ROWID;
INSERT OR IGNORE INTO `Streak` (`habitId`, `current`, `best`) SELECT `habitId`, 0, COUNT(*) FROM `Checkin` GROUP BY `habitId`;
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, '6eb6c8d0e2f4a6b8c0d2e4f6a8b0c2d4');
