-- 000019: every user gets a weekly digest setting
INSERT OR IGNORE INTO settings (user_id, key, value) SELECT id, 'digest', 'weekly' FROM users;
