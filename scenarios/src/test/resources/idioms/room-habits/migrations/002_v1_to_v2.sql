-- MIGRATION_1_2: habits get a colour
ALTER TABLE `Habit` ADD COLUMN `color` INTEGER NOT NULL DEFAULT -16777216;
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, 'a1f3e5d7c9b2a4f6e8d0c1b3a5f7e9d2');
