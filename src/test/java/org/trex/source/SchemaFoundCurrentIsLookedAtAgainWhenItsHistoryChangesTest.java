package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trex.governance.GovernanceSchema;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A process remembers a schema it found current and does not ask Flyway again, but only while the schema's history
 * reads the same: a migration applied or removed since, by this TREx or another, is found as if never checked.
 */
class SchemaFoundCurrentIsLookedAtAgainWhenItsHistoryChangesTest {
    private static final String SOURCE_HISTORY = "public.trex_source_schema_history";
    private static final String GOVERNANCE_HISTORY = "trex_governance.trex_governance_schema_history";

    private DatabaseUrl url;

    @BeforeEach
    void migratedAndFoundCurrent() {
        url = TestDatabase.fresh();
        SourceSchema.migrate(url);
        GovernanceSchema.migrate(url);
        SourceSchema.requireCurrent(url, "run extract x");
        SourceSchema.requireCurrent(url, "run extract x");
        assertThat(GovernanceSchema.migrate(url)).isZero();
        assertThat(GovernanceSchema.migrate(url)).isZero();
    }

    @Test
    void aSourceSchemaALaterTrexMigratedSinceIsRefused() {
        later(SOURCE_HISTORY);

        assertThatThrownBy(() -> SourceSchema.requireCurrent(url, "run extract x"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("Cannot run extract x: the source schema in " + url.redacted()
                        + " is at version 9999, newer than this TREx's ");
    }

    @Test
    void aSourceSchemaThatLostItsLatestMigrationIsRefusedAsOlder() {
        Sql.execute(url, "DELETE FROM " + SOURCE_HISTORY + " WHERE installed_rank = (SELECT max(installed_rank) FROM "
                + SOURCE_HISTORY + ")");

        assertThatThrownBy(() -> SourceSchema.requireCurrent(url, "run extract x"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("1 migration(s) pending");
    }

    @Test
    void aGovernanceSchemaALaterTrexMigratedSinceIsNotMigrated() {
        later(GOVERNANCE_HISTORY);

        assertThatThrownBy(() -> GovernanceSchema.migrate(url))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("Cannot migrate governance schema: the governance schema in " + url.redacted()
                        + " is at version 9999, newer than this TREx's ");
    }

    private void later(String history) {
        Sql.execute(url, "INSERT INTO " + history + " (installed_rank, version, description, type, script, "
                + "installed_by, execution_time, success) SELECT max(installed_rank) + 1, '9999', 'later', 'SQL', "
                + "'V9999__later.sql', 'trex', 0, true FROM " + history);
    }
}
