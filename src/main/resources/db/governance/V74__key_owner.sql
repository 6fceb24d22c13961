-- A key ID is one project's only: another project's pseudonyms under it would link to this one's. ProjectKeys refuses
-- such a binding under a lock, with a message that names the owner; this table makes the database itself refuse one,
-- whatever writes it. Each key ID has one owner, and every binding of a key ID must name that owner.
CREATE TABLE trex_governance.key_owner (
    key_id  text NOT NULL PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{16}$'),
    project text NOT NULL,
    UNIQUE (key_id, project)
);

-- The owner of a key ID bound before is the project that bound it first, as ProjectKeys names it.
INSERT INTO trex_governance.key_owner (key_id, project)
SELECT DISTINCT ON (key_id) key_id, project
FROM trex_governance.project_key
ORDER BY key_id, first_used, project;

-- NOT VALID: bindings made before the refusal existed may name a key ID's second project; they stay as recorded, and
-- every binding from now on is checked.
ALTER TABLE trex_governance.project_key
    ADD CONSTRAINT project_key_of_its_owner FOREIGN KEY (key_id, project)
        REFERENCES trex_governance.key_owner (key_id, project) NOT VALID;

-- V71's refusal, now naming the table it guards, guards both.
CREATE OR REPLACE FUNCTION trex_governance.refuse_project_key_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Cannot % trex_governance.%: a project''s key, once used, stays bound', lower(TG_OP),
        TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER key_owner_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON trex_governance.key_owner
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.refuse_project_key_change();
