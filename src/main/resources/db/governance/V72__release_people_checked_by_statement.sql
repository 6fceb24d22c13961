-- The register's people were tied to their output by a foreign key, whose check looks up the output again for
-- each person: a query per row, three quarters of the time a release's people took to register (0.9 s of 1.2 s for
-- 94,000 people; seconds for the million a large extract holds). The same two guarantees now hold for a whole
-- statement at once: every person arrives for an output that exists, locked as the key's check locks it (so it
-- cannot go while they arrive), and an output that goes takes its people with it.
ALTER TABLE trex_governance.release_person DROP CONSTRAINT release_person_output_id_fkey;

-- As the key's own checks do, the functions that read or delete rows run as their owner: a role that may insert a
-- release's people need not be able to lock or delete outputs itself.
CREATE FUNCTION trex_governance.release_person_output_exists() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    missing bigint;
BEGIN
    PERFORM 1 FROM trex_governance.release_output
        WHERE id IN (SELECT DISTINCT output_id FROM arrived) FOR KEY SHARE;
    SELECT a.output_id INTO missing
        FROM (SELECT DISTINCT output_id FROM arrived) a
        WHERE NOT EXISTS (SELECT 1 FROM trex_governance.release_output o WHERE o.id = a.output_id)
        LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "release_person" names release output %, which does not exist',
            missing USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER release_person_output_exists_on_insert
    AFTER INSERT ON trex_governance.release_person REFERENCING NEW TABLE AS arrived
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.release_person_output_exists();
CREATE TRIGGER release_person_output_exists_on_update
    AFTER UPDATE ON trex_governance.release_person REFERENCING NEW TABLE AS arrived
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.release_person_output_exists();

CREATE FUNCTION trex_governance.release_output_takes_its_people() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM trex_governance.release_person p USING gone g WHERE p.output_id = g.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER release_output_takes_its_people
    AFTER DELETE ON trex_governance.release_output REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.release_output_takes_its_people();

-- An output's ID cannot change under its people (the key refused it too).
CREATE FUNCTION trex_governance.release_output_keeps_its_id() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id THEN
        RAISE EXCEPTION 'cannot change the ID of release output %: the register''s people name it', OLD.id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER release_output_keeps_its_id
    BEFORE UPDATE OF id ON trex_governance.release_output
    FOR EACH ROW EXECUTE FUNCTION trex_governance.release_output_keeps_its_id();
