-- a migration that commits part-way breaks Converge's one-transaction-per-migration guarantee
ALTER TABLE notes ADD COLUMN created TEXT;
COMMIT;
ALTER TABLE notes ADD COLUMN updated TEXT;
