-- Running upgrade e91b3a7c2f04 -> 5d0c8f2e6a91

CREATE TABLE _alembic_tmp_address (
    id INTEGER NOT NULL, 
    account_id INTEGER NOT NULL, 
    street VARCHAR(200) NOT NULL, 
    city VARCHAR(100), 
    postcode VARCHAR(16), 
    PRIMARY KEY (id), 
    CONSTRAINT fk_address_account_id_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_address (id, account_id, street, city) SELECT address.id, address.account_id, address.street, address.city FROM address;

DROP TABLE address;

ALTER TABLE _alembic_tmp_address RENAME TO address;

CREATE INDEX ix_address_account_id ON address (account_id);

UPDATE alembic_version SET version_num='5d0c8f2e6a91' WHERE alembic_version.version_num = 'e91b3a7c2f04';
