-- trex load --council-code: the council's own LA code a social care load held every row's LA_Code to, so that a
-- run's lineage can say of each file it read whether its rows were checked to be the council's. NULL when none was
-- set (the rows held to one code only, of any council), and for the other sources, whose rows state no council.
-- Written with its row, which stays append-only (V60): no update can set or change it afterwards.
ALTER TABLE trex_governance.source_load
    ADD COLUMN council_code text CHECK (council_code ~ '^[A-Z][0-9]{8}$'),
    ADD CONSTRAINT source_load_council_code_is_social_cares CHECK (council_code IS NULL OR source = 'social-care');

-- The loads recorded before: each one's LOAD audit entry said which code its rows were held to, or that none was set
-- (a sentence, not a code); a load older than the setting has none, and was held to no council's code. The append-only
-- trigger stands aside for this one statement, in this migration's transaction alone.
ALTER TABLE trex_governance.source_load DISABLE TRIGGER source_load_append_only;
UPDATE trex_governance.source_load l SET council_code = a.details ->> 'councilCode'
    FROM trex_governance.audit_log a
    WHERE a.seq = l.audit_seq AND a.action = 'LOAD' AND l.source = 'social-care'
      AND a.details ->> 'councilCode' ~ '^[A-Z][0-9]{8}$';
ALTER TABLE trex_governance.source_load ENABLE TRIGGER source_load_append_only;
