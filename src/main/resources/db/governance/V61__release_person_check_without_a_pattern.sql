-- The register's pseudonym check ran a regular expression on every person of every release, a large part of the
-- time a council-sized run spends registering its people. The same rule, 64 lower-case hex digits, without one.
ALTER TABLE trex_governance.release_person DROP CONSTRAINT release_person_pseudonym_check;
ALTER TABLE trex_governance.release_person ADD CONSTRAINT release_person_pseudonym_check
    CHECK (octet_length(pseudonym) = 64 AND ltrim(pseudonym, '0123456789abcdef') = '');
