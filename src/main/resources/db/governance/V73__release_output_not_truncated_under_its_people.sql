-- V72's triggers keep the foreign key's guarantees for rows inserted, updated and deleted, but TRUNCATE fires no row
-- or statement trigger of those kinds: emptying the register's outputs would have left their people naming outputs
-- that no longer exist, where the key refused it. The register's outputs are emptied only once their people are.
CREATE FUNCTION trex_governance.release_output_not_truncated_under_its_people() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM trex_governance.release_person) THEN
        RAISE EXCEPTION 'cannot truncate table "release_output": the register''s people name its outputs'
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Truncate table "release_person" first, or delete the releases.';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER release_output_not_truncated_under_its_people
    BEFORE TRUNCATE ON trex_governance.release_output
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.release_output_not_truncated_under_its_people();
