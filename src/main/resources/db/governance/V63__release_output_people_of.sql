-- Outputs that counted the same rows hold the same people with the same rows: the aggregates over one shared read
-- count them into one set of files. The register kept those people once per output, so a council-sized release
-- with two aggregates over its read registered the read's 93,747 people for each (302,000 (person, output) pairs in
-- all where 208,726 now do), and the register grew by all of them every night. Such an output now names the output
-- whose people it counted and holds none of its own. Registers written before keep their copies, which read the
-- same.
ALTER TABLE trex_governance.release_output
    ADD COLUMN people_of bigint REFERENCES trex_governance.release_output (id) ON DELETE CASCADE,
    ADD CONSTRAINT release_output_people_of_check CHECK (people_of <> id);
