-- Whether the national data opt-out applied to a release: numbers that drop off the allow list after it concern
-- it only then. Releases registered before this column are taken as if it applied (they are notified, not missed).
ALTER TABLE trex_governance.release
    ADD COLUMN national_data_opt_out text NOT NULL DEFAULT 'APPLIES'
        CHECK (national_data_opt_out IN ('APPLIES', 'EXEMPT'));
ALTER TABLE trex_governance.release ALTER COLUMN national_data_opt_out DROP DEFAULT;
