CREATE TABLE IF NOT EXISTS "dogs" (
   [id] INTEGER PRIMARY KEY,
   [dog_name] TEXT,
   [age] INTEGER,
   [owner_id] INTEGER REFERENCES [owners]([id])
, [breed] TEXT);
CREATE INDEX [idx_dogs_owner_id] ON [dogs] ([owner_id]);
CREATE INDEX [idx_dogs_breed] ON [dogs] ([breed]);
CREATE TABLE IF NOT EXISTS "owners" (
   "id" INTEGER PRIMARY KEY,
   "name" TEXT NOT NULL,
   "email" TEXT NOT NULL DEFAULT '',
   "joined" TEXT
);
CREATE INDEX "idx_owners_email" ON "owners" ("email");
