-- sqlite-utils create-table / db["owners"].create(...), db["dogs"].create(..., foreign_keys=[("owner_id", "owners", "id")])
CREATE TABLE [owners] (
   [id] INTEGER PRIMARY KEY,
   [name] TEXT NOT NULL,
   [email] TEXT
);
CREATE TABLE [dogs] (
   [id] INTEGER PRIMARY KEY,
   [name] TEXT,
   [age] TEXT,
   [owner_id] INTEGER REFERENCES [owners]([id])
);
CREATE INDEX [idx_dogs_owner_id] ON [dogs] ([owner_id]);
