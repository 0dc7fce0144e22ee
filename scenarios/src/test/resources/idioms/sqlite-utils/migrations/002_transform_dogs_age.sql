-- sqlite-utils transform dogs --type age integer --rename name dog_name  (transform_sql() output)
CREATE TABLE [dogs_new_6f1e2a9b3c4d] (
   [id] INTEGER PRIMARY KEY,
   [dog_name] TEXT,
   [age] INTEGER,
   [owner_id] INTEGER REFERENCES [owners]([id])
);
INSERT INTO [dogs_new_6f1e2a9b3c4d] ([id], [dog_name], [age], [owner_id])
   SELECT [id], [name], [age], [owner_id] FROM [dogs];
DROP TABLE [dogs];
ALTER TABLE [dogs_new_6f1e2a9b3c4d] RENAME TO [dogs];
CREATE INDEX [idx_dogs_owner_id] ON [dogs] ([owner_id]);
