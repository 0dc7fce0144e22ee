-- MIGRATION_4_5: Habit.createdAt becomes nullable and `archived` is added: Room's _new_ rebuild
CREATE TABLE IF NOT EXISTS `_new_Habit` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `name` TEXT NOT NULL, `createdAt` INTEGER, `color` INTEGER NOT NULL DEFAULT -16777216, `archived` INTEGER NOT NULL DEFAULT 0);
INSERT INTO `_new_Habit` (`id`,`name`,`createdAt`,`color`) SELECT `id`,`name`,`createdAt`,`color` FROM `Habit`;
DROP TABLE `Habit`;
ALTER TABLE `_new_Habit` RENAME TO `Habit`;
PRAGMA foreign_key_check(`Habit`);
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, 'e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6');
