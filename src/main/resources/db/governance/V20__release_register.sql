-- The release register of people: for each published extract, who each of its outputs holds, by the
-- person's pseudonym under the extract's project key (never an NHS number), with the rows that hold them.
-- Deletion notices (issue 19) are found from it when someone objects after the release.

CREATE TABLE trex_governance.release (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    extract_id     text        NOT NULL,
    run_id         text        NOT NULL UNIQUE,
    spec_version   integer     NOT NULL CHECK (spec_version >= 1),
    project        text        NOT NULL CHECK (btrim(project) <> ''),
    key_id         text        NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
    -- Where the run found its key: a path, never the key.
    key_file       text        NOT NULL,
    as_of          date        NOT NULL,
    deletion_days  integer     NOT NULL CHECK (deletion_days >= 1),
    extract_path   text        NOT NULL,
    released_at    timestamptz NOT NULL
);
CREATE INDEX release_extract ON trex_governance.release (extract_id, released_at);

CREATE TABLE trex_governance.release_output (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release_id     bigint      NOT NULL REFERENCES trex_governance.release ON DELETE CASCADE,
    name           text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('RECORDS', 'AGGREGATE')),
    -- The column that holds the person's pseudonym in a record-level output; null for aggregates.
    person_column  text,
    rows           bigint      NOT NULL CHECK (rows >= 0),
    UNIQUE (release_id, name)
);

-- Keyed by pseudonym first: notices look people up across every release.
CREATE TABLE trex_governance.release_person (
    pseudonym      text        NOT NULL CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
    output_id      bigint      NOT NULL REFERENCES trex_governance.release_output ON DELETE CASCADE,
    rows           bigint      NOT NULL CHECK (rows >= 1),
    PRIMARY KEY (pseudonym, output_id)
);
CREATE INDEX release_person_output ON trex_governance.release_person (output_id);
