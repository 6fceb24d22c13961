-- Records link by NHS number with spaces and dashes removed (SourceCatalog.linkKey). These expression
-- indexes match that expression exactly, so the planner's correlated look-ups use them.
CREATE INDEX person_link_key ON social_care.person ((replace(replace(nhs_number, ' ', ''), '-', '')));
CREATE INDEX inpatient_spell_link_key ON health.inpatient_spell ((replace(replace(nhs_number, ' ', ''), '-', '')));
CREATE INDEX gp_registration_link_key ON health.gp_registration ((replace(replace(nhs_number, ' ', ''), '-', '')));
CREATE INDEX gp_opt_out_record_link_key ON health.gp_opt_out_record ((replace(replace(nhs_number, ' ', ''), '-', '')));
CREATE INDEX event_service ON social_care.event (person_id, service_type, event_start_date);
