-- PKCE: keep the code verifier of each pending authorization request.
ALTER TABLE auth_state ADD COLUMN code_verifier TEXT NOT NULL DEFAULT '';
