-- 000010: a generated column for the word count (VIRTUAL: ADD COLUMN cannot add a STORED one)
ALTER TABLE notes ADD COLUMN word_count INTEGER GENERATED ALWAYS AS (length(trim(body)) - length(replace(trim(body), ' ', '')) + (trim(body) <> '')) VIRTUAL;
