-- 000007: per-user settings as key/value rows, seeded with defaults
CREATE TABLE IF NOT EXISTS settings (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (user_id, key)
);
INSERT OR IGNORE INTO settings (user_id, key, value) SELECT id, 'theme', 'light' FROM users;
