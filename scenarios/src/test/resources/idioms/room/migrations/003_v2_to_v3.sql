-- AutoMigration(from = 2, to = 3, spec = RenameColumn(Song, name -> title)), as Room generates it
CREATE TABLE IF NOT EXISTS `_new_Song` (`id` INTEGER NOT NULL, `albumId` INTEGER NOT NULL, `title` TEXT NOT NULL, `durationMs` INTEGER NOT NULL DEFAULT 0, `trackNo` INTEGER, PRIMARY KEY(`id`), FOREIGN KEY(`albumId`) REFERENCES `Album`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE );
INSERT INTO `_new_Song` (`id`,`albumId`,`title`,`durationMs`) SELECT `id`,`albumId`,`name`,`durationMs` FROM `Song`;
DROP TABLE `Song`;
ALTER TABLE `_new_Song` RENAME TO `Song`;
CREATE INDEX IF NOT EXISTS `index_Song_albumId` ON `Song` (`albumId`);
PRAGMA foreign_key_check(`Song`);
