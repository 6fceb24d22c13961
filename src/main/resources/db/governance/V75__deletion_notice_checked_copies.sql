-- The copies of a released extract that trex objections ack read before recording a notice done (their folders):
-- none when the notice was recorded on the operator's word alone. Set with done_at, in the one update the
-- deletion_notice_done_only trigger allows, so it cannot change afterwards.
ALTER TABLE trex_governance.deletion_notice ADD COLUMN checked_copies text[] NOT NULL DEFAULT '{}';
