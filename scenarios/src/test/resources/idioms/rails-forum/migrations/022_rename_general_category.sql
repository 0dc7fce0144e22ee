-- 20220301080000: the seeded category is renamed; a second seed for announcements
UPDATE "categories" SET "name" = 'General discussion', "updated_at" = '2022-03-01 08:00:00' WHERE "id" = 1 AND "name" = 'General';
INSERT OR IGNORE INTO "categories" ("name", "position", "created_at", "updated_at") VALUES ('Announcements', -1, '2022-03-01 08:00:00', '2022-03-01 08:00:00');
