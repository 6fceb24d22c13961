-- Every aggregate cell each run of an extract released (issue 21): what the differencing check between
-- releases compares a new run's cells with. The true value stays in the governance database, inside the TRE;
-- released is what left (null when the cell was suppressed).
CREATE TABLE trex_governance.released_cell (
    id           bigserial PRIMARY KEY,
    extract_id   text        NOT NULL,
    spec_version integer     NOT NULL,
    run_id       text        NOT NULL,
    as_of        date        NOT NULL,
    output       text        NOT NULL,
    measure      text        NOT NULL,
    dimensions   jsonb       NOT NULL,
    value        bigint      NOT NULL CHECK (value >= 0),
    released     bigint      CHECK (released >= 0),
    status       text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX released_cell_by_extract ON trex_governance.released_cell (extract_id, id);
