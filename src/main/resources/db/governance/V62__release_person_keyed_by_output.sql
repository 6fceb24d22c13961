-- The register was keyed by pseudonym first, so each release's people went in at random places all over the key,
-- and the insert slowed with every release: with 60 earlier releases of a council-sized extract (18 million
-- people), 5 s for the next release's 302,000 without the foreign key's checks. Every lookup is within one release
-- (a pseudonym means something only under its release's key), so output first loses nothing: a release's people
-- now go in at the end of the key, 1.7-2.0 s after the same 60 releases. The key's prefix serves the foreign key's
-- cascade, so the separate output index goes. On an existing register this rebuilds the key once.
ALTER TABLE trex_governance.release_person DROP CONSTRAINT release_person_pkey;
ALTER TABLE trex_governance.release_person ADD CONSTRAINT release_person_pkey PRIMARY KEY (output_id, pseudonym);
DROP INDEX trex_governance.release_person_output;
