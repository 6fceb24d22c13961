-- Which key each project's pseudonyms are made under: a project's key, by the name its policy gives it, is bound to
-- a key ID at the first run that uses it, and every later run of the project under that name must use a key with
-- the same ID, or pseudonyms would silently stop linking across its releases. A new name in the policy (which the
-- board approves through the plan) is how a key is rotated. Key IDs only, never a key.
CREATE TABLE trex_governance.project_key (
    project     text        NOT NULL CHECK (btrim(project) <> ''),
    key_name    text        NOT NULL CHECK (btrim(key_name) <> ''),
    key_id      text        NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
    extract_id  text        NOT NULL,
    run_id      text        NOT NULL,
    first_used  timestamptz NOT NULL,
    PRIMARY KEY (project, key_name)
);

CREATE FUNCTION trex_governance.refuse_project_key_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Cannot % trex_governance.project_key: a project''s key, once used, stays bound', lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER project_key_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON trex_governance.project_key
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.refuse_project_key_change();
