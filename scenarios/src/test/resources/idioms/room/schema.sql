CREATE TABLE IF NOT EXISTS "Song" (`id` INTEGER NOT NULL, `albumId` INTEGER NOT NULL, `title` TEXT NOT NULL, `durationMs` INTEGER NOT NULL DEFAULT 0, `trackNo` INTEGER, PRIMARY KEY(`id`), FOREIGN KEY(`albumId`) REFERENCES `Album`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE );
CREATE INDEX `index_Song_albumId` ON `Song` (`albumId`);
CREATE TABLE `Playlist` (`playlistId` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `name` TEXT NOT NULL);
CREATE TABLE `PlaylistSongCrossRef` (`playlistId` INTEGER NOT NULL, `songId` INTEGER NOT NULL, PRIMARY KEY(`playlistId`, `songId`), FOREIGN KEY(`playlistId`) REFERENCES `Playlist`(`playlistId`) ON UPDATE NO ACTION ON DELETE CASCADE , FOREIGN KEY(`songId`) REFERENCES `Song`(`id`) ON UPDATE NO ACTION ON DELETE CASCADE );
CREATE INDEX `index_PlaylistSongCrossRef_songId` ON `PlaylistSongCrossRef` (`songId`);
CREATE TABLE IF NOT EXISTS "Album" (`id` INTEGER NOT NULL, `title` TEXT NOT NULL, `year` INTEGER, PRIMARY KEY(`id`));
CREATE INDEX `index_Album_title` ON `Album` (`title`);
