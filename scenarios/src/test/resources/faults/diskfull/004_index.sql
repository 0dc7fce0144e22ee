CREATE INDEX idx_notes_body ON notes(body);
