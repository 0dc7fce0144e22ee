-- an install at database version 2: Room ran createAllTables (the schema after 001..002), no history
CREATE TABLE `Album` (`id` INTEGER NOT NULL, `title` TEXT NOT NULL, `artist` TEXT, PRIMARY KEY(`id`));
CREATE TABLE `Song` (`id` INTEGER NOT NULL, `albumId` INTEGER NOT NULL, `name` TEXT NOT NULL, `durationMs` INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(`id`), FOREIGN KEY(`albumId`) REFERENCES `Album`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE );
CREATE INDEX `index_Song_albumId` ON `Song` (`albumId`);
CREATE INDEX `index_Album_artist` ON `Album` (`artist`);
