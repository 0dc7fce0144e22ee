-- 000009: usernames, backfilled from the e-mail's local part
ALTER TABLE users ADD COLUMN username TEXT;
UPDATE users SET username = lower(substr(email, 1, instr(email || '@', '@') - 1)) || '-' || id WHERE username IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS idx_users_username ON users(username);
