-- Data only: a first, public note for new installations. Safe to repeat.
INSERT OR IGNORE INTO notes (slug, content, published, visibility)
VALUES ('welcome', 'Welcome to StarPunk. Edit or delete this note.', 1, 'public');
