-- Fills a bench database's release register with 60 earlier releases of the extract the bench ran (its register
-- holds that one release): each the people of that release under other pseudonyms, as 60 nights of a scheduled
-- run under other keys would leave them, inserted one release at a time. A measurement script, not part of TREx;
-- see README.md ("Performance").
--
--   psql -d postgresql://localhost:5432/bench?user=trex -f bench/register-prefill.sql
--
-- Then time `trex run` as bench.json's command does: it registers its release on top of the 60.
\timing on
CREATE TEMP TABLE last_outputs AS
SELECT o.name, o.kind, h.name AS people_of FROM trex_governance.release_output o
LEFT JOIN trex_governance.release_output h ON h.id = o.people_of;
CREATE TEMP TABLE last_people AS
SELECT o.name, p.pseudonym, p.rows FROM trex_governance.release_person p
JOIN trex_governance.release_output o ON o.id = p.output_id;
INSERT INTO trex_governance.release (extract_id, run_id, spec_version, project, key_id, key_file, as_of,
    deletion_days, extract_path, released_at, national_data_opt_out)
SELECT 'prefill-extract', 'prefill-' || g, 1, 'prefill', '0123456789abcdef', '/k', DATE '2026-06-30', 30, '/x',
    now() - (61 - g) * interval '1 day', 'APPLIES'
FROM generate_series(1, 60) g;
INSERT INTO trex_governance.release_output (release_id, name, kind, person_column, rows)
SELECT r.id, n.name, n.kind, 'person', 1 FROM trex_governance.release r
CROSS JOIN last_outputs n WHERE r.run_id LIKE 'prefill-%';
-- Outputs that share another's people (V63) share them in every copy.
UPDATE trex_governance.release_output o SET people_of = h.id
FROM last_outputs n, trex_governance.release_output h, trex_governance.release r
WHERE r.id = o.release_id AND r.run_id LIKE 'prefill-%' AND n.name = o.name AND h.release_id = o.release_id
    AND h.name = n.people_of;
-- One release at a time, each in pseudonym order, as the register took them before V62.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT id, run_id FROM trex_governance.release WHERE run_id LIKE 'prefill-%' ORDER BY id LOOP
    INSERT INTO trex_governance.release_person (output_id, pseudonym, rows)
    SELECT o.id, decode(md5(r.run_id || encode(p.pseudonym, 'hex')) || md5(encode(p.pseudonym, 'hex') || r.run_id),
        'hex'), p.rows
    FROM last_people p JOIN trex_governance.release_output o ON o.release_id = r.id AND o.name = p.name
    ORDER BY 2, 1;
  END LOOP;
END $$;
SELECT count(*), pg_size_pretty(pg_total_relation_size('trex_governance.release_person'))
FROM trex_governance.release_person;
