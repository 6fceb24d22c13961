package org.trex.governance;

import java.util.Optional;
import org.trex.source.DatabaseUrl;
import org.trex.source.Migrations;

/** The governance schema's Flyway migrations: approvals, the audit log and scheduled runs. */
public final class GovernanceSchema {
    // Its own schema holds the history too, so a source database with tables of its own is no obstacle.
    private static final Migrations MIGRATIONS = new Migrations(
            "governance schema", "classpath:db/governance", "trex_governance_schema_history", "trex_governance");

    private GovernanceSchema() {
    }

    /**
     * Applies every pending migration; returns how many were applied. The URL may name the source
     * database or a separate governance database.
     */
    public static int migrate(DatabaseUrl url) {
        return MIGRATIONS.apply(url);
    }

    /** How the database's governance schema differs from this TREx's, if it does; writes nothing. */
    public static Optional<Migrations.Mismatch> mismatch(DatabaseUrl url) {
        return MIGRATIONS.mismatch(url);
    }
}
