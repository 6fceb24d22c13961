-- trex load (issue 17): every load of a source's files, who made it, and what each file gave. The source database
-- keeps only the files each period holds now (source_load.current_file); this is the history, kept with the audit
-- entry that recorded it. A load and its record commit together or not at all.
CREATE TABLE trex_governance.source_load (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source     text        NOT NULL CHECK (source IN ('social-care', 'hospital', 'objections')),
    period     text        NOT NULL CHECK (btrim(period) <> ''),
    loaded_by  text        NOT NULL CHECK (btrim(loaded_by) <> ''),
    loaded_at  timestamptz NOT NULL,
    -- The LOAD entry that recorded it; no foreign key, which would make TRUNCATE of the audit log fail on it
    -- rather than on the audit log's own append-only trigger.
    audit_seq  bigint      NOT NULL UNIQUE CHECK (audit_seq >= 1)
);
CREATE INDEX source_load_period ON trex_governance.source_load (source, period, loaded_at);

CREATE TABLE trex_governance.source_load_file (
    load_id          bigint NOT NULL REFERENCES trex_governance.source_load (id),
    ordinal          integer NOT NULL CHECK (ordinal >= 1),
    file_name        text   NOT NULL CHECK (btrim(file_name) <> ''),
    file_sha256      text   NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    rows_read        bigint NOT NULL CHECK (rows_read >= 0),
    rows_loaded      bigint NOT NULL CHECK (rows_loaded >= 0),
    rows_quarantined bigint NOT NULL CHECK (rows_quarantined >= 0),
    CHECK (rows_loaded + rows_quarantined = rows_read),
    PRIMARY KEY (load_id, ordinal)
);
-- trex verify looks an extract's files up by digest.
CREATE INDEX source_load_file_sha256 ON trex_governance.source_load_file (file_sha256);

CREATE FUNCTION trex_governance.refuse_source_load_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Cannot % %: the record of loads is append-only', lower(TG_OP), TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER source_load_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON trex_governance.source_load
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.refuse_source_load_change();
CREATE TRIGGER source_load_file_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON trex_governance.source_load_file
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.refuse_source_load_change();
