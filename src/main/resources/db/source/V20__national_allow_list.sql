-- The national data opt-out as NHS England's Check for National Data Opt-outs service works: TREx sends a file
-- of NHS numbers over MESH and the service returns the numbers that MAY be used (an allow list). A number that
-- was not sent has no known status, so only a number on the allow list is kept (fail closed). No table holds
-- opted-out numbers and no person record carries an opt-out flag.

-- One check per list date: what was sent (how many numbers, the SHA-256 of the request file) and how many came
-- back. numbers_returned is NULL for checks recorded before TREx kept allow lists: they hold no allow list and
-- can never be used to keep a record.
ALTER TABLE opt_out.national_data_opt_out_check RENAME COLUMN numbers_checked TO numbers_sent;
ALTER TABLE opt_out.national_data_opt_out_check ALTER COLUMN numbers_sent DROP NOT NULL;
ALTER TABLE opt_out.national_data_opt_out_check
  ADD COLUMN request_sha256 text CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
  ADD COLUMN numbers_returned integer CHECK (numbers_returned >= 0),
  ADD COLUMN loaded_at timestamptz,
  ADD CHECK ((numbers_returned IS NULL) = (loaded_at IS NULL)),
  ADD CHECK (numbers_sent IS NULL OR numbers_returned IS NULL OR numbers_returned <= numbers_sent);

-- The old table held the numbers that opted out. It cannot become an allow list (what was sent was never kept),
-- so it goes: the old checks stay as history, without a list, and a run needs a list loaded with
-- `trex optouts load`.
DROP TABLE opt_out.national_data_opt_out;

-- The allow list returned for a check: normalised numbers that may be used. Read only inside PostgreSQL, by the
-- runs' own SELECT; it never leaves the database.
CREATE TABLE opt_out.national_data_allow_list (
  list_date              date NOT NULL REFERENCES opt_out.national_data_opt_out_check ON DELETE CASCADE,
  nhs_number             text NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
  PRIMARY KEY (list_date, nhs_number)
);
