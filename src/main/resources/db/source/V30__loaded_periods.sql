-- trex load: the reporting period each loaded row came in with, so that loading a period again replaces
-- exactly that period's rows. NULL for rows that trex generate wrote.
ALTER TABLE social_care.event ADD COLUMN load_period text;
ALTER TABLE health.inpatient_spell ADD COLUMN load_period text;
ALTER TABLE opt_out.local_objection ADD COLUMN load_period text;
CREATE INDEX event_load_period ON social_care.event (load_period);
CREATE INDEX inpatient_spell_load_period ON health.inpatient_spell (load_period);
CREATE INDEX local_objection_load_period ON opt_out.local_objection (load_period);

-- The file each (source, period) now holds, written in the same transaction as its rows, so an extract's
-- lineage names the files its rows came from. The governance database keeps every load's history.
CREATE SCHEMA source_load;
CREATE TABLE source_load.current_file (
  source                 text NOT NULL CHECK (source IN ('social-care', 'hospital', 'objections')),
  period                 text NOT NULL,
  file_name              text NOT NULL,
  file_sha256            text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  rows_loaded            bigint NOT NULL CHECK (rows_loaded >= 0),
  loaded_at              timestamptz NOT NULL,
  PRIMARY KEY (source, period, file_name)
);
