-- MIGRATION_14_15: the streak table was a mistake (computed on the fly now): dropped
DROP TABLE IF EXISTS `Streak`;
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, '80d8e0f2a4b6c8d0e2f4a6b8c0d2e4f6');
