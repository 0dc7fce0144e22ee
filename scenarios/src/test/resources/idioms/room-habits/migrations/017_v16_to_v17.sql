-- MIGRATION_16_17: streaks are back, now as a plain table keyed by habit (a table dropped in 15 and made again)
CREATE TABLE IF NOT EXISTS `Streak` (`habitId` INTEGER NOT NULL, `current` INTEGER NOT NULL, `best` INTEGER NOT NULL, `updatedAt` INTEGER, PRIMARY KEY(`habitId`), FOREIGN KEY(`habitId`) REFERENCES `Habit`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE );
INSERT OR IGNORE INTO `Streak` (`habitId`, `current`, `best`) SELECT `id`, 0, 0 FROM `Habit`;
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, 'a2f0a2b4c6d8e0f2a4b6c8d0e2f4a6b8');
