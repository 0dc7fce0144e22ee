INSERT INTO notes (body, created) VALUES ('hello from migration 3', '2026-01-01');
