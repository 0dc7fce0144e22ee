-- sqlite-utils add-column dogs breed text; create-index dogs breed
ALTER TABLE [dogs] ADD COLUMN [breed] TEXT;
CREATE INDEX [idx_dogs_breed] ON [dogs] ([breed]);
-- a seed every install needs
INSERT OR IGNORE INTO [owners] ([id], [name], [email]) VALUES (0, 'shelter', NULL);
