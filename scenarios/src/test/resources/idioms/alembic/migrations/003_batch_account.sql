-- Running upgrade 8b2e4d6f0a13 -> c47d1e9a5b22

CREATE TABLE _alembic_tmp_account (
    id INTEGER NOT NULL, 
    name VARCHAR(100) NOT NULL, 
    created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
    email VARCHAR(120), 
    PRIMARY KEY (id)
);

INSERT INTO _alembic_tmp_account (id, name, created_at, email) SELECT account.id, account.name, account.created_at, account.email FROM account;

DROP TABLE account;

ALTER TABLE _alembic_tmp_account RENAME TO account;

CREATE INDEX ix_account_name ON account (name);

CREATE UNIQUE INDEX ix_account_email ON account (email);

UPDATE alembic_version SET version_num='c47d1e9a5b22' WHERE alembic_version.version_num = '8b2e4d6f0a13';
