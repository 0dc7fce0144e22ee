-- 000011: settings become STRICT with a CHECK on the keys: renamed away, re-created under the old name, copied, dropped
ALTER TABLE settings RENAME TO settings_old;
CREATE TABLE settings (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (key IN ('theme', 'language', 'digest')),
    value TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (user_id, key)
) STRICT;
INSERT INTO settings (user_id, key, value)
    SELECT user_id, key, coalesce(value, '') FROM settings_old WHERE key IN ('theme', 'language', 'digest');
DROP TABLE settings_old;
