-- MIGRATION_15_16: habits get a target per week; the view shows it
DROP VIEW IF EXISTS `HabitWithCount`;
ALTER TABLE `Habit` ADD COLUMN `perWeek` INTEGER NOT NULL DEFAULT 7;
UPDATE `Habit` SET `perWeek` = 3 WHERE `name` LIKE '%gym%';
CREATE VIEW `HabitWithCount` AS SELECT h.id, h.name, h.color, h.perWeek, COUNT(c.id) AS checkins FROM Habit h LEFT JOIN Checkin c ON c.habitId = h.id WHERE h.archived = 0 GROUP BY h.id;
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, '91e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7');
