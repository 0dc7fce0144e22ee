-- Running upgrade c47d1e9a5b22 -> e91b3a7c2f04

CREATE TABLE address (
    id INTEGER NOT NULL, 
    account_id INTEGER NOT NULL, 
    street VARCHAR(200) NOT NULL, 
    city VARCHAR(100), 
    PRIMARY KEY (id), 
    FOREIGN KEY(account_id) REFERENCES account (id)
);

CREATE INDEX ix_address_account_id ON address (account_id);

UPDATE alembic_version SET version_num='e91b3a7c2f04' WHERE alembic_version.version_num = 'c47d1e9a5b22';
