-- Running upgrade 3f1a9c2b7d10 -> 8b2e4d6f0a13

ALTER TABLE account ADD COLUMN email VARCHAR(120);

UPDATE account SET email = lower(name) || '.' || id || '@example.invalid' WHERE email IS NULL;

CREATE UNIQUE INDEX ix_account_email ON account (email);

UPDATE alembic_version SET version_num='8b2e4d6f0a13' WHERE alembic_version.version_num = '3f1a9c2b7d10';
