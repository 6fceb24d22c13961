-- A pseudonym is 32 bytes (an HMAC-SHA256); the register kept it as 64 hex characters, with a check that they were
-- hex. Half the width in the key, and a check of the length alone, halve the time the register takes a release's
-- people (809,917 people: 3.5-4.6 s as text, 1.6-1.8 s as bytes, without the foreign key's check). A value that is
-- not hex cannot arrive at all. On an existing register this rewrites the table and its key once.
ALTER TABLE trex_governance.release_person DROP CONSTRAINT release_person_pseudonym_check;
ALTER TABLE trex_governance.release_person ALTER COLUMN pseudonym TYPE bytea USING decode(pseudonym, 'hex');
ALTER TABLE trex_governance.release_person ADD CONSTRAINT release_person_pseudonym_check
    CHECK (octet_length(pseudonym) = 32);
