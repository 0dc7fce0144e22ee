-- 20210401000000-tasks-rename-title.js: renameColumn('Tasks', 'title', 'name'): the same round trip with the old
-- names selected into the new ones; then an index on the new name
CREATE TABLE IF NOT EXISTS `Tasks_backup` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255) NOT NULL, `status` VARCHAR(255) NOT NULL DEFAULT 'todo', `projectId` INTEGER REFERENCES `Projects` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);
INSERT INTO `Tasks_backup` SELECT `id`, `title` AS `name`, `status`, `projectId`, `createdAt`, `updatedAt` FROM `Tasks`;
DROP TABLE `Tasks`;
CREATE TABLE IF NOT EXISTS `Tasks` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255) NOT NULL, `status` VARCHAR(255) NOT NULL DEFAULT 'todo', `projectId` INTEGER REFERENCES `Projects` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);
INSERT INTO `Tasks` SELECT `id`, `name`, `status`, `projectId`, `createdAt`, `updatedAt` FROM `Tasks_backup`;
DROP TABLE `Tasks_backup`;
CREATE INDEX `tasks_project_id` ON `Tasks` (`projectId`);
CREATE INDEX `tasks_name` ON `Tasks` (`name`);
