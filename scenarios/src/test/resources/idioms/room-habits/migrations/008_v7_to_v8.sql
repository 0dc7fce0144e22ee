-- MIGRATION_7_8: categories, seeded; every habit starts in "General"
CREATE TABLE IF NOT EXISTS `Category` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `title` TEXT NOT NULL, `sortOrder` INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX IF NOT EXISTS `index_Category_title` ON `Category` (`title`);
INSERT OR IGNORE INTO `Category` (`id`, `title`, `sortOrder`) VALUES (1, 'General', 0);
ALTER TABLE `Habit` ADD COLUMN `categoryId` INTEGER NOT NULL DEFAULT 1;
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, '19c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9');
