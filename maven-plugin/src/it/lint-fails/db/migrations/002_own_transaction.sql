-- a migration that manages its own transaction breaks Converge's one-transaction-per-migration guarantee
BEGIN;
ALTER TABLE notes ADD COLUMN created TEXT;
COMMIT;
