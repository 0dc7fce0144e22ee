-- 000022: server-side sessions, keyed by token, WITHOUT ROWID and STRICT
CREATE TABLE IF NOT EXISTS sessions (
    token TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ix_sessions_expires_at ON sessions(expires_at);
CREATE INDEX IF NOT EXISTS ix_sessions_user_id ON sessions(user_id);
