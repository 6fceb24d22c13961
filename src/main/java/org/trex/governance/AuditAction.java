package org.trex.governance;

/** What an audit log entry records. */
public enum AuditAction {
    /** A plan was computed for a spec (details: plan hash, spec version). */
    PLAN,
    /** A board approved a plan hash. */
    APPROVE,
    /** An approval was revoked. */
    REVOKE,
    /** A signature on an approval was refused (details: reference, plan hash, key fingerprint, why). */
    APPROVE_REFUSED,
    /** A signature revoking an approval was refused (details: reference, plan hash, key fingerprint, why). */
    REVOKE_REFUSED,
    /**
     * An extract run was refused before it started (details: spec version, plan hash when it was planned, as-of date,
     * the reason): not approved, changed since approval, a bad key, a missing or stale allow list.
     */
    RUN_REFUSED,
    /** An extract run started. */
    RUN_START,
    /** An extract run ended (details: outcome, counts, manifest digest). */
    RUN_END,
    /**
     * A started run's process ended without recording its end (kill -9, a power cut, or a failure while the governance
     * database was down): no session held its run lock (details: its RUN_START's seq, that no extract was published
     * by it, what becomes of its staging, and the failure its FAIL event records where one was found).
     */
    RUN_ABANDONED,
    /** An extract directory or the audit chain was verified. */
    VERIFY,
    /** A request file for the national data opt-out check was written (details: count, SHA-256; never numbers). */
    OPT_OUT_REQUEST,
    /** A national data opt-out allow list was loaded (details: list date, counts, SHA-256s; never numbers). */
    OPT_OUT_LOAD,
    /** A deletion notice was issued to a released extract (details: notice ID, due date, people, outputs). */
    NOTICE_ISSUE,
    /** A TRE operator said a deletion notice was done (details: notice ID, by whom). */
    NOTICE_ACK,
    /** Source files were loaded by {@code trex load} (details: source, period, each file's name, SHA-256 and rows). */
    LOAD,
    /**
     * A {@code trex load} was refused for what it was given, a file or mapping file that is not what it claims, and
     * wrote nothing (details: source, period, each file's name and SHA-256 where it can be read, the refusal).
     */
    LOAD_REFUSED,
    /** {@code trex migrate} applied schema migrations (details: how many to the source and governance schemas). */
    MIGRATE,
    /** A board register was adopted, on first use or on members' signatures (details: SHA-256s, members, signers). */
    BOARD_ADOPT,
    /**
     * An adoption of a board register was refused (details: the register's file and SHA-256, the keys that signed, by
     * fingerprint, and why): a register someone tried to have trusted.
     */
    BOARD_ADOPT_REFUSED,
    /**
     * A project's key, by its policy name, was bound to its key ID by the project's first published run, in the
     * transaction that published it (details: project, name, ID).
     */
    KEY_BIND
}
