-- 20210302000000-users-remove-names.js: removeColumn firstName, removeColumn lastName under Sequelize 6 (the backup is
-- an ordinary table now): one `_backup` round trip each
CREATE TABLE IF NOT EXISTS `Users_backup` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `lastName` VARCHAR(255), `email` VARCHAR(255) NOT NULL UNIQUE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `fullName` VARCHAR(255));
INSERT INTO `Users_backup` SELECT `id`, `lastName`, `email`, `createdAt`, `updatedAt`, `fullName` FROM `Users`;
DROP TABLE `Users`;
CREATE TABLE IF NOT EXISTS `Users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `lastName` VARCHAR(255), `email` VARCHAR(255) NOT NULL UNIQUE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `fullName` VARCHAR(255));
INSERT INTO `Users` SELECT `id`, `lastName`, `email`, `createdAt`, `updatedAt`, `fullName` FROM `Users_backup`;
DROP TABLE `Users_backup`;
CREATE TABLE IF NOT EXISTS `Users_backup` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `email` VARCHAR(255) NOT NULL UNIQUE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `fullName` VARCHAR(255));
INSERT INTO `Users_backup` SELECT `id`, `email`, `createdAt`, `updatedAt`, `fullName` FROM `Users`;
DROP TABLE `Users`;
CREATE TABLE IF NOT EXISTS `Users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `email` VARCHAR(255) NOT NULL UNIQUE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `fullName` VARCHAR(255));
INSERT INTO `Users` SELECT `id`, `email`, `createdAt`, `updatedAt`, `fullName` FROM `Users_backup`;
DROP TABLE `Users_backup`;
