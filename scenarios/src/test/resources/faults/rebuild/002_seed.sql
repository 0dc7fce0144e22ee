-- Deterministic rows, enough of them (about 1.5 MB) that a tiny page cache spills to the file before COMMIT.
-- Safe to repeat.
INSERT OR IGNORE INTO authors (id, name)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
SELECT i, 'Author ' || i FROM n;

INSERT OR IGNORE INTO posts (id, author_id, title, body)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
SELECT i, 1 + i % 300, 'post ' || i, CAST(printf('%0500d', i) AS BLOB) FROM n;
