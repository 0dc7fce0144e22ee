-- 1.sqm (SQLDelight: the .sq files' CREATE statements at database version 1, as the first migration of a
-- project that started verifying migrations later)
CREATE TABLE player (
  id INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  number INTEGER NOT NULL
);

CREATE TABLE team (
  id INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  coach TEXT NOT NULL
);
