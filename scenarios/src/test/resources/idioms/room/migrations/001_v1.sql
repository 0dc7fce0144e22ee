-- Room schema version 1 (the CREATE statements of app/schemas/…/1.json)
CREATE TABLE IF NOT EXISTS `Album` (`id` INTEGER NOT NULL, `title` TEXT NOT NULL, `artist` TEXT, PRIMARY KEY(`id`));
CREATE TABLE IF NOT EXISTS `Song` (`id` INTEGER NOT NULL, `albumId` INTEGER NOT NULL, `name` TEXT NOT NULL, PRIMARY KEY(`id`), FOREIGN KEY(`albumId`) REFERENCES `Album`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE );
CREATE INDEX IF NOT EXISTS `index_Song_albumId` ON `Song` (`albumId`);
