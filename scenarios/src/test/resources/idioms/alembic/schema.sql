CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE IF NOT EXISTS "account" (
    id INTEGER NOT NULL, 
    name VARCHAR(100) NOT NULL, 
    created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
    email VARCHAR(120), 
    PRIMARY KEY (id)
);
CREATE INDEX ix_account_name ON account (name);
CREATE UNIQUE INDEX ix_account_email ON account (email);
CREATE TABLE IF NOT EXISTS "address" (
    id INTEGER NOT NULL, 
    account_id INTEGER NOT NULL, 
    street VARCHAR(200) NOT NULL, 
    city VARCHAR(100), 
    postcode VARCHAR(16), 
    PRIMARY KEY (id), 
    CONSTRAINT fk_address_account_id_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_address_account_id ON address (account_id);
