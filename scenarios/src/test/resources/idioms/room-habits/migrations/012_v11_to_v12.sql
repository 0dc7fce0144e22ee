-- MIGRATION_11_12: categories get an icon; the seed row gets one
ALTER TABLE `Category` ADD COLUMN `icon` TEXT NOT NULL DEFAULT 'star';
UPDATE `Category` SET `icon` = 'inbox' WHERE `id` = 1;
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, '5da5b7c9d1e3f5a7b9c1d3e5f7a9b1c3');
