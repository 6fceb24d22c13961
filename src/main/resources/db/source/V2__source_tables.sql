-- Social care: the person and event records a council holds and submits as ASC-CLD.
CREATE SCHEMA social_care;

CREATE TABLE social_care.person (
  person_id              bigint PRIMARY KEY,
  council_code           text NOT NULL,
  council_person_id      text NOT NULL UNIQUE,
  nhs_number             text,
  nhs_number_trace_status text NOT NULL REFERENCES ref.pds_trace_status,
  nhs_number_trace_date  date,
  date_of_birth          date NOT NULL,
  date_of_death          date,
  gender                 text NOT NULL REFERENCES ref.gender,
  ethnicity              text NOT NULL REFERENCES ref.ethnicity,
  postcode               text,
  gp_practice_code       text,
  client_type            text NOT NULL REFERENCES ref.client_type,
  primary_support_reason text REFERENCES ref.primary_support_reason,
  accommodation_status   text REFERENCES ref.accommodation_status,
  CHECK (date_of_death IS NULL OR date_of_death >= date_of_birth)
);
CREATE INDEX person_nhs_number ON social_care.person (nhs_number);

CREATE TABLE social_care.event (
  event_id               bigint PRIMARY KEY,
  person_id              bigint NOT NULL REFERENCES social_care.person,
  event_type             text NOT NULL REFERENCES ref.event_type,
  event_reference        text NOT NULL,
  event_start_date       date NOT NULL,
  event_end_date         date,
  event_outcome          text REFERENCES ref.event_outcome,
  route_of_access        text REFERENCES ref.route_of_access,
  assessment_type        text,
  eligible_needs         boolean,
  service_type           text REFERENCES ref.service_type,
  service_component      text REFERENCES ref.service_component,
  delivery_mechanism     text REFERENCES ref.delivery_mechanism,
  provider_location_id   text,
  unit_cost              numeric(10, 2),
  cost_frequency         text CHECK (cost_frequency IN ('Weekly', 'Monthly', 'One-off', 'Hourly')),
  planned_units_per_week numeric(6, 1),
  review_reason          text,
  review_outcome         text,
  CHECK (event_end_date IS NULL OR event_end_date >= event_start_date),
  CHECK ((event_type = 'Service') = (service_type IS NOT NULL))
);
CREATE INDEX event_person ON social_care.event (person_id);

-- Health: hospital inpatient spells (SUS+ / HES Admitted Patient Care) and GP registrations.
CREATE SCHEMA health;

CREATE TABLE health.inpatient_spell (
  spell_id               bigint PRIMARY KEY,
  nhs_number             text,
  provider_code          text NOT NULL,
  date_of_birth          date,
  sex                    text NOT NULL REFERENCES ref.sex,
  ethnic_category        text NOT NULL REFERENCES ref.ethnic_category,
  lsoa                   text,
  admission_date         date NOT NULL,
  discharge_date         date,
  admission_method       text NOT NULL REFERENCES ref.admission_method,
  admission_source       text NOT NULL REFERENCES ref.admission_source,
  patient_classification text NOT NULL CHECK (patient_classification IN ('1', '2', '3', '4', '5')),
  treatment_function     text NOT NULL,
  discharge_method       text REFERENCES ref.discharge_method,
  discharge_destination  text REFERENCES ref.discharge_destination,
  discharge_ready_date   date,
  CHECK (discharge_date IS NULL OR discharge_date >= admission_date),
  CHECK (discharge_ready_date IS NULL OR (discharge_ready_date >= admission_date
         AND (discharge_date IS NULL OR discharge_ready_date <= discharge_date)))
);
CREATE INDEX inpatient_spell_nhs_number ON health.inpatient_spell (nhs_number);
CREATE INDEX inpatient_spell_discharge_date ON health.inpatient_spell (discharge_date);

CREATE TABLE health.gp_registration (
  registration_id        bigint PRIMARY KEY,
  nhs_number             text NOT NULL,
  practice_code          text NOT NULL,
  registered_from        date NOT NULL,
  registered_to          date,
  CHECK (registered_to IS NULL OR registered_to >= registered_from)
);
CREATE INDEX gp_registration_nhs_number ON health.gp_registration (nhs_number);

-- Type 1 opt-out markers as coded in the GP record; the latest-dated code wins.
CREATE TABLE health.gp_opt_out_record (
  record_id              bigint PRIMARY KEY,
  nhs_number             text NOT NULL,
  code                   text NOT NULL REFERENCES ref.type1_opt_out_code,
  recorded_date          date NOT NULL
);
CREATE INDEX gp_opt_out_record_nhs_number ON health.gp_opt_out_record (nhs_number);

-- Governance inputs, held apart from the person record.
CREATE SCHEMA opt_out;

-- The council's register of objections to the use of a person's NHS number (UK GDPR Article 21).
CREATE TABLE opt_out.local_objection (
  objection_id           bigint PRIMARY KEY,
  person_id              bigint NOT NULL REFERENCES social_care.person,
  recorded_date          date NOT NULL,
  withdrawn_date         date,
  received_via           text NOT NULL REFERENCES ref.objection_channel,
  CHECK (withdrawn_date IS NULL OR withdrawn_date >= recorded_date)
);
CREATE INDEX local_objection_person ON opt_out.local_objection (person_id);

-- The list returned by NHS England's Check for National Data Opt-outs service. Used only to apply
-- opt-outs: never joined into a person record that leaves this database.
CREATE TABLE opt_out.national_data_opt_out (
  nhs_number             text NOT NULL,
  list_date              date NOT NULL,
  PRIMARY KEY (nhs_number, list_date)
);

-- Each time the opt-out list was fetched: the numbers sent and the date. A person is checked only
-- when a list on or before the as-of date exists; without one, nobody can be checked (fail closed).
CREATE TABLE opt_out.national_data_opt_out_check (
  list_date              date PRIMARY KEY,
  numbers_checked        integer NOT NULL CHECK (numbers_checked >= 0)
);
ALTER TABLE opt_out.national_data_opt_out
  ADD FOREIGN KEY (list_date) REFERENCES opt_out.national_data_opt_out_check;
