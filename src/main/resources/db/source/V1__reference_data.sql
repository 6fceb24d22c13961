-- Reference value lists of the two national standards (see docs/source-model.md).
-- Text values are stored as submitted (ASC-CLD Release 2 wording); health codes as in the NHS Data Dictionary.
CREATE SCHEMA ref;

CREATE TABLE ref.event_type (value text PRIMARY KEY);
INSERT INTO ref.event_type VALUES ('Request'), ('Assessment'), ('Service'), ('Review');

CREATE TABLE ref.client_type (value text PRIMARY KEY);
INSERT INTO ref.client_type VALUES ('Service user'), ('Unpaid carer'), ('Unpaid carer known by association');

CREATE TABLE ref.gender (value text PRIMARY KEY);
INSERT INTO ref.gender VALUES ('Male'), ('Female'), ('Other'), ('Unknown');

CREATE TABLE ref.ethnicity (value text PRIMARY KEY);
INSERT INTO ref.ethnicity VALUES
  ('White: English, Welsh, Scottish, Northern Irish or British'), ('White: Irish'),
  ('White: Gypsy or Irish Traveller'), ('White: Roma'), ('White: Any other White background'),
  ('Mixed or Multiple ethnic groups: White and Black Caribbean'),
  ('Mixed or Multiple ethnic groups: White and Black African'),
  ('Mixed or Multiple ethnic groups: White and Asian'),
  ('Mixed or Multiple ethnic groups: Any other Mixed or Multiple background'),
  ('Asian, Asian British or Asian Welsh: Indian'), ('Asian, Asian British or Asian Welsh: Pakistani'),
  ('Asian, Asian British or Asian Welsh: Bangladeshi'), ('Asian, Asian British or Asian Welsh: Chinese'),
  ('Asian, Asian British or Asian Welsh: Any other Asian background'),
  ('Black, Black British, Black Welsh, Caribbean or African: Caribbean'),
  ('Black, Black British, Black Welsh, Caribbean or African: African'),
  ('Black, Black British, Black Welsh, Caribbean or African: Any other Black, Black British or Caribbean background'),
  ('Other ethnic group: Arab'), ('Other ethnic group: Any other ethnic group'),
  ('No data: Refused'), ('No data: Undeclared / Not known');

CREATE TABLE ref.primary_support_reason (value text PRIMARY KEY);
INSERT INTO ref.primary_support_reason VALUES
  ('Physical support: Personal care support'), ('Physical support: Access and mobility only'),
  ('Sensory support: Support for visual impairment'), ('Sensory support: Support for hearing impairment'),
  ('Sensory support: Support for dual impairment'), ('Support with memory and cognition'),
  ('Learning disability support'), ('Mental health support'),
  ('Social support: Substance misuse support'), ('Social support: Asylum seeker support'),
  ('Social support: Support for social isolation or other'), ('Social support: Support to unpaid carer'),
  ('Unknown');

CREATE TABLE ref.accommodation_status (value text PRIMARY KEY);
INSERT INTO ref.accommodation_status VALUES
  ('Owner occupier or shared ownership scheme'), ('Tenant: Local authority or other social housing provider'),
  ('Tenant: Private landlord'), ('Settled mainstream housing with family or friends'),
  ('Supported accommodation, supported lodgings or supported group home'), ('Shared Lives scheme'),
  ('Sheltered housing, extra care housing or other sheltered housing'), ('Registered care home'),
  ('Registered nursing home'), ('Acute hospital or long term healthcare residential facility'),
  ('Other temporary accommodation'), ('Unknown');

CREATE TABLE ref.service_type (value text PRIMARY KEY, long_term boolean NOT NULL);
INSERT INTO ref.service_type VALUES
  ('Long term support: Community', true), ('Long term support: Nursing care', true),
  ('Long term support: Residential care', true), ('Long term support: Prison', true),
  ('Short term support: ST-Max', false), ('Short term support: Ongoing low level', false),
  ('Short term support: Other short term', false),
  ('Unpaid carer support: Direct to unpaid carer', false),
  ('Unpaid carer support: Support involving the person cared-for', false);

CREATE TABLE ref.service_component (value text PRIMARY KEY);
INSERT INTO ref.service_component VALUES
  ('Reablement'), ('Short term residential care'), ('Short term nursing care'),
  ('Home support or domiciliary care'), ('Community supported living'), ('Extra care housing'),
  ('Shared Lives'), ('Equipment'), ('Direct payment'), ('Long term residential care'),
  ('Long term nursing care');

CREATE TABLE ref.delivery_mechanism (value text PRIMARY KEY);
INSERT INTO ref.delivery_mechanism VALUES
  ('Direct payment'), ('CASSR managed personal budget'), ('CASSR commissioned support');

CREATE TABLE ref.event_outcome (value text PRIMARY KEY);
INSERT INTO ref.event_outcome VALUES
  ('Progress to reablement/ST-Max'), ('Progress to assessment, review or reassessment'),
  ('Progress to support planning or services'), ('Continuation of support or services'),
  ('Admitted to hospital'), ('NFA: Deceased'), ('NFA: Information and advice or signposting'),
  ('NFA: Support declined'), ('NFA: Support ended as planned'), ('NFA: Support ended for other reason'),
  ('NFA: Self-funded client or under 12wk disregard'), ('NFA: Responsibility moved to another local authority'),
  ('NFA: Referral to NHS services or NHS funded social care'), ('NFA: No services offered for other reason'),
  ('NFA: Other');

CREATE TABLE ref.route_of_access (value text PRIMARY KEY);
INSERT INTO ref.route_of_access VALUES
  ('Planned Entry (Transition)'), ('Discharge from Hospital'), ('Diversion from Hospital Services'),
  ('Self-funder with depleted funds'), ('Community/Other route');

CREATE TABLE ref.pds_trace_status (value text PRIMARY KEY, description text NOT NULL);
INSERT INTO ref.pds_trace_status VALUES
  ('matched', 'Traced and verified against the Personal Demographics Service'),
  ('unverified', 'Recorded locally, not verified by a trace'),
  ('no_match', 'Traced, no match found'),
  ('multiple_matches', 'Traced, more than one match found'),
  ('superseded', 'Traced, the recorded number was replaced by a newer one'),
  ('not_traced', 'Never traced');

CREATE TABLE ref.admission_method (code text PRIMARY KEY, description text NOT NULL, emergency boolean NOT NULL);
INSERT INTO ref.admission_method VALUES
  ('11', 'Waiting list', false), ('12', 'Booked', false), ('13', 'Planned', false),
  ('21', 'Emergency Care Department', true), ('22', 'GP', true), ('23', 'Bed bureau', true),
  ('24', 'Consultant clinic', true), ('25', 'Mental Health Crisis Resolution Team', true),
  ('2A', 'Emergency Care Department of another provider', true), ('2B', 'Emergency transfer', true),
  ('2D', 'Other emergency', true), ('31', 'Ante partum', false), ('32', 'Post partum', false),
  ('81', 'Non-emergency transfer', false), ('82', 'Birth in this provider', false),
  ('83', 'Baby born outside the provider', false);

CREATE TABLE ref.admission_source (code text PRIMARY KEY, description text NOT NULL);
INSERT INTO ref.admission_source VALUES
  ('19', 'Usual place of residence'), ('29', 'Temporary place of residence'),
  ('51', 'NHS other hospital provider: ward for general patients'),
  ('54', 'NHS run care home'), ('65', 'Local authority residential accommodation'),
  ('85', 'Non-NHS run care home'), ('99', 'Not known');

CREATE TABLE ref.discharge_method (code text PRIMARY KEY, description text NOT NULL);
INSERT INTO ref.discharge_method VALUES
  ('1', 'Clinical advice or consent'), ('2', 'Self or relative'),
  ('3', 'Tribunal, Home Secretary or Court'), ('4', 'Died'), ('5', 'Stillbirth');

CREATE TABLE ref.discharge_destination (code text PRIMARY KEY, description text NOT NULL);
INSERT INTO ref.discharge_destination VALUES
  ('19', 'Usual place of residence'), ('29', 'Temporary place of residence'),
  ('30', 'Repatriation from high security psychiatric hospital'), ('37', 'Court'),
  ('40', 'Penal establishment'), ('42', 'Police station'),
  ('48', 'High security psychiatric hospital, Scotland'),
  ('49', 'NHS other hospital provider: high security psychiatric'),
  ('50', 'NHS other hospital provider: medium secure'),
  ('51', 'NHS other hospital provider: ward for general patients'),
  ('52', 'NHS other hospital provider: maternity'),
  ('53', 'NHS other hospital provider: mental health or learning disabilities'),
  ('55', 'Care home with nursing'), ('56', 'Care home without nursing'),
  ('66', 'Local authority foster care'), ('79', 'Died'),
  ('84', 'Non-NHS run hospital, medium secure'), ('87', 'Independent sector hospital'),
  ('88', 'Hospice'), ('98', 'Not applicable'), ('99', 'Not known');

CREATE TABLE ref.sex (code text PRIMARY KEY, description text NOT NULL);
INSERT INTO ref.sex VALUES ('1', 'Male'), ('2', 'Female'), ('9', 'Not specified'), ('0', 'Not known');

CREATE TABLE ref.ethnic_category (code text PRIMARY KEY, description text NOT NULL);
INSERT INTO ref.ethnic_category VALUES
  ('A', 'White British'), ('B', 'White Irish'), ('C', 'Any other White'),
  ('D', 'White and Black Caribbean'), ('E', 'White and Black African'), ('F', 'White and Asian'),
  ('G', 'Any other mixed'), ('H', 'Indian'), ('J', 'Pakistani'), ('K', 'Bangladeshi'),
  ('L', 'Any other Asian'), ('M', 'Caribbean'), ('N', 'African'), ('P', 'Any other Black'),
  ('R', 'Chinese'), ('S', 'Any other'), ('Z', 'Not stated'), ('99', 'Not known');

CREATE TABLE ref.type1_opt_out_code (code text PRIMARY KEY, scheme text NOT NULL, meaning text NOT NULL,
  CHECK (meaning IN ('dissent', 'dissent_withdrawn')));
INSERT INTO ref.type1_opt_out_code VALUES
  ('9Nu0', 'Read v2', 'dissent'), ('XaZ89', 'CTV3', 'dissent'),
  ('9Nu1', 'Read v2', 'dissent_withdrawn'), ('XaZ8A', 'CTV3', 'dissent_withdrawn');

CREATE TABLE ref.objection_channel (value text PRIMARY KEY);
INSERT INTO ref.objection_channel VALUES ('Online form'), ('Letter'), ('Telephone'), ('In person'), ('Email');
