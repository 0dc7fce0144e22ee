-- MIGRATION_2_3: one check-in per habit and day (a unique index needs the duplicates gone first)
DELETE FROM `Checkin` WHERE `id` NOT IN (SELECT MIN(`id`) FROM `Checkin` GROUP BY `habitId`, `day`);
DROP INDEX IF EXISTS `index_Checkin_habitId`;
CREATE UNIQUE INDEX IF NOT EXISTS `index_Checkin_habitId_day` ON `Checkin` (`habitId`, `day`);
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, 'c4d6e8f0a2b4c6d8e0f2a4b6c8d0e2f4');
