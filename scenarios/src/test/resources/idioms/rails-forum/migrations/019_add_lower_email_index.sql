-- 20210115100000: case-insensitive e-mail lookups: an expression index replaces the plain one
CREATE UNIQUE INDEX "index_users_on_lower_email" ON "users" (lower(email));
DROP INDEX "index_users_on_email";
