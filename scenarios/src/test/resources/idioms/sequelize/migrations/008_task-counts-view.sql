-- 20210501000000-task-counts-view.js: a view and a trigger (queryInterface.sequelize.query), and the seed relabelled
CREATE VIEW `ProjectTaskCounts` AS SELECT `Projects`.`id` AS `projectId`, `Projects`.`title`, COUNT(`Tasks`.`id`) AS `taskCount` FROM `Projects` LEFT JOIN `Tasks` ON `Tasks`.`projectId` = `Projects`.`id` GROUP BY `Projects`.`id`;
CREATE TRIGGER `tasks_touch_project` AFTER UPDATE ON `Tasks` BEGIN UPDATE `Projects` SET `updatedAt` = datetime('now') WHERE `id` = NEW.`projectId`; END;
UPDATE `Statuses` SET `label` = 'In progress' WHERE `code` = 'doing';
