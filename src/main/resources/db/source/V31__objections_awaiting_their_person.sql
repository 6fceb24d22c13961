-- An objection in the council's register whose person social care has not loaded yet (a new client's objection
-- recorded before the next CLD extract, or the register loaded first). It is kept, not dropped: the social care
-- load that brings the person in moves it to opt_out.local_objection in its own transaction, so the objection
-- applies from the first run that can see the person's records.
CREATE TABLE opt_out.objection_awaiting_person (
  council_person_id      text NOT NULL,
  recorded_date          date NOT NULL,
  withdrawn_date         date,
  received_via           text NOT NULL REFERENCES ref.objection_channel,
  load_period            text NOT NULL,
  CHECK (withdrawn_date IS NULL OR withdrawn_date >= recorded_date)
);
CREATE INDEX objection_awaiting_person_person ON opt_out.objection_awaiting_person (council_person_id);
CREATE INDEX objection_awaiting_person_load_period ON opt_out.objection_awaiting_person (load_period);
