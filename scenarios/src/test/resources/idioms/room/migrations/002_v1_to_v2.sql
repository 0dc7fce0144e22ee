-- Migration(1, 2)
ALTER TABLE `Song` ADD COLUMN `durationMs` INTEGER NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS `index_Album_artist` ON `Album` (`artist`);
