-- 20200301000000-users-add-full-name.js: addColumn and a data step (queryInterface.sequelize.query)
ALTER TABLE `Users` ADD `fullName` VARCHAR(255);
UPDATE `Users` SET `fullName` = TRIM(COALESCE(`firstName`, '') || ' ' || COALESCE(`lastName`, ''));
