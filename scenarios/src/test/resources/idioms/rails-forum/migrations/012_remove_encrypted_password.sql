-- 20190114150000: sign-in moved to an identity provider: remove_column :users, :encrypted_password (SQLite >= 3.35)
ALTER TABLE "users" DROP COLUMN "encrypted_password";
