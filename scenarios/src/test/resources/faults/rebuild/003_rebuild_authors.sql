-- Rebuild the parent table (names become case-insensitive, authors get an e-mail), as SQLite documents it.
-- With foreign_keys ON, DROP TABLE authors would delete every post: Converge must have switched it off.
CREATE TABLE authors_new (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE,
    email TEXT
);

INSERT INTO authors_new (id, name, email)
SELECT id, name, lower(replace(name, ' ', '.')) || '@example.org' FROM authors;

DROP TABLE authors;

ALTER TABLE authors_new RENAME TO authors;

CREATE UNIQUE INDEX idx_authors_email ON authors(email);
