CREATE TABLE `Projects` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `title` VARCHAR(255) NOT NULL, `ownerId` INTEGER NOT NULL REFERENCES `Users` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);
CREATE TABLE `Statuses` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `code` VARCHAR(255) NOT NULL UNIQUE, `label` VARCHAR(255) NOT NULL);
CREATE TABLE `Users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `email` VARCHAR(255) NOT NULL UNIQUE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `fullName` VARCHAR(255));
CREATE TABLE `Tasks` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255) NOT NULL, `status` VARCHAR(255) NOT NULL DEFAULT 'todo', `projectId` INTEGER REFERENCES `Projects` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);
CREATE INDEX `tasks_project_id` ON `Tasks` (`projectId`);
CREATE INDEX `tasks_name` ON `Tasks` (`name`);
CREATE VIEW `ProjectTaskCounts` AS SELECT `Projects`.`id` AS `projectId`, `Projects`.`title`, COUNT(`Tasks`.`id`) AS `taskCount` FROM `Projects` LEFT JOIN `Tasks` ON `Tasks`.`projectId` = `Projects`.`id` GROUP BY `Projects`.`id`;
CREATE TRIGGER `tasks_touch_project` AFTER UPDATE ON `Tasks` BEGIN UPDATE `Projects` SET `updatedAt` = datetime('now') WHERE `id` = NEW.`projectId`; END;
