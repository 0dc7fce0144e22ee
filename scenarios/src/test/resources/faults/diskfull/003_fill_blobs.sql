-- About 1.6 MB: far more pages than the fault test's max_page_count allows.
CREATE INDEX idx_blobs_id_desc ON blobs(id DESC);

INSERT OR IGNORE INTO blobs (id, data)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
SELECT i, randomblob(4000) FROM n;
