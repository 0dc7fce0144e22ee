-- 20200201000000-tasks-status-not-null.js: changeColumn('Tasks', 'status', { allowNull: false }) under Sequelize 5,
-- whose SQLite query interface copies the table into a TEMPORARY `Tasks_backup`, drops it, creates it anew, copies
-- back and drops the backup; the index it does not carry over is made again by hand. The NULLs are filled first.
UPDATE `Tasks` SET `status`='todo' WHERE `status` IS NULL;
CREATE TEMPORARY TABLE IF NOT EXISTS `Tasks_backup` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `title` VARCHAR(255) NOT NULL, `status` VARCHAR(255) NOT NULL DEFAULT 'todo', `projectId` INTEGER REFERENCES `Projects` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);
INSERT INTO `Tasks_backup` SELECT `id`, `title`, `status`, `projectId`, `createdAt`, `updatedAt` FROM `Tasks`;
DROP TABLE `Tasks`;
CREATE TABLE IF NOT EXISTS `Tasks` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `title` VARCHAR(255) NOT NULL, `status` VARCHAR(255) NOT NULL DEFAULT 'todo', `projectId` INTEGER REFERENCES `Projects` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);
INSERT INTO `Tasks` SELECT `id`, `title`, `status`, `projectId`, `createdAt`, `updatedAt` FROM `Tasks_backup`;
DROP TABLE `Tasks_backup`;
CREATE INDEX `tasks_project_id` ON `Tasks` (`projectId`);
