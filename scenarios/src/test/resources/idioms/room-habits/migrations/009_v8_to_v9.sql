-- AutoMigration 8 -> 9: Habit.categoryId gets its foreign key and index; Room drops the views, rebuilds, checks keys, re-creates the views
DROP VIEW IF EXISTS `HabitWithCount`;
CREATE TABLE IF NOT EXISTS `_new_Habit` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `name` TEXT NOT NULL, `createdAt` INTEGER, `color` INTEGER NOT NULL DEFAULT -16777216, `archived` INTEGER NOT NULL DEFAULT 0, `categoryId` INTEGER NOT NULL DEFAULT 1, FOREIGN KEY(`categoryId`) REFERENCES `Category`(`id`) ON UPDATE NO ACTION ON DELETE SET DEFAULT );
INSERT INTO `_new_Habit` (`id`,`name`,`createdAt`,`color`,`archived`,`categoryId`) SELECT `id`,`name`,`createdAt`,`color`,`archived`,`categoryId` FROM `Habit`;
DROP TABLE `Habit`;
ALTER TABLE `_new_Habit` RENAME TO `Habit`;
CREATE INDEX IF NOT EXISTS `index_Habit_categoryId` ON `Habit` (`categoryId`);
PRAGMA foreign_key_check(`Habit`);
CREATE VIEW `HabitWithCount` AS SELECT h.id, h.name, h.color, COUNT(c.id) AS checkins FROM Habit h LEFT JOIN Checkin c ON c.habitId = h.id WHERE h.archived = 0 GROUP BY h.id;
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, '2ad2e4f6a8b0c2d4e6f8a0b2c4d6e8f0');
