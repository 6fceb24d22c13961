-- The ID each loaded event and spell got, kept apart from the rows: loading a period again gives a record the ID
-- it had (so the pseudonym a release gave it stays its own), and an ID is never given to another record, as the
-- highest ID ever given is kept here after its rows are replaced. A record is the reference its file gives it
-- (Event_Reference, Hospital_Provider_Spell_Number) within the period it was loaded under and the reporting
-- period its row states (a CLD event ongoing across years is reported, and loaded, once a year).
CREATE TABLE social_care.event_identity (
  load_period            text NOT NULL,
  reporting_period       text NOT NULL,
  reference              text NOT NULL,
  record_id              bigint NOT NULL UNIQUE,
  PRIMARY KEY (load_period, reporting_period, reference)
);
CREATE TABLE health.spell_identity (
  load_period            text NOT NULL,
  reporting_period       text NOT NULL,
  reference              text NOT NULL,
  record_id              bigint NOT NULL UNIQUE,
  PRIMARY KEY (load_period, reporting_period, reference)
);
