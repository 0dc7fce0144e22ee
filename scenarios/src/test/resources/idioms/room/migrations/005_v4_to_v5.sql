-- AutoMigration(from = 4, to = 5, spec = DeleteColumn(Album, artist)), as Room generates it
CREATE TABLE IF NOT EXISTS `_new_Album` (`id` INTEGER NOT NULL, `title` TEXT NOT NULL, `year` INTEGER, PRIMARY KEY(`id`));
INSERT INTO `_new_Album` (`id`,`title`) SELECT `id`,`title` FROM `Album`;
DROP TABLE `Album`;
ALTER TABLE `_new_Album` RENAME TO `Album`;
CREATE INDEX IF NOT EXISTS `index_Album_title` ON `Album` (`title`);
PRAGMA foreign_key_check(`Album`);
