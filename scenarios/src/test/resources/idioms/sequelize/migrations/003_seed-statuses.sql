-- 20200103000000-seed-statuses.js: queryInterface.createTable + bulkInsert in one migration
CREATE TABLE IF NOT EXISTS `Statuses` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `code` VARCHAR(255) NOT NULL UNIQUE, `label` VARCHAR(255) NOT NULL);
INSERT INTO `Statuses` (`id`,`code`,`label`) VALUES (1,'todo','To do'),(2,'doing','Doing'),(3,'done','Done');
