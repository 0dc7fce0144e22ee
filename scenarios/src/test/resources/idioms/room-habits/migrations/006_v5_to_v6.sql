-- MIGRATION_5_6: a database view for the home screen (@DatabaseView)
CREATE VIEW `HabitWithCount` AS SELECT h.id, h.name, h.color, COUNT(c.id) AS checkins FROM Habit h LEFT JOIN Checkin c ON c.habitId = h.id WHERE h.archived = 0 GROUP BY h.id;
INSERT OR REPLACE INTO room_master_table (id,identity_hash) VALUES(42, 'f7a9b1c3d5e7f9a1b3c5d7e9f1a3b5c7');
