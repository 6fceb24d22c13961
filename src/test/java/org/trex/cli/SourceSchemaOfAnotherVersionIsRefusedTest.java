package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.SourceSchema;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A source database whose schema is older than this TREx's (migrations pending) or newer (a later TREx migrated it)
 * is refused with exit 2, naming both versions and what to do, before any query of the command runs.
 */
class SourceSchemaOfAnotherVersionIsRefusedTest {
    private static final String HISTORY = "public.trex_source_schema_history";

    @TempDir
    Path root;

    private Workspace workspace;
    private String latest;

    @BeforeEach
    void migratedDatabase() {
        workspace = Workspace.create(root, TestDatabase.fresh());
        SourceSchema.migrate(workspace.url);
        latest = Sql.strings(workspace.url, "SELECT version FROM " + HISTORY
                + " WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1").get(0);
    }

    @Test
    void anOlderSchemaNamesItsVersionAndTheMigrationsPending() {
        Sql.execute(workspace.url, "DELETE FROM " + HISTORY + " WHERE version = '" + latest + "'");
        String previous = Sql.strings(workspace.url, "SELECT version FROM " + HISTORY
                + " WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1").get(0);

        Result plan = plan();

        assertThat(plan.code()).as(plan.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(plan.err()).contains("trex: Cannot count the cohort of extract discharge-delays: the source schema "
                + "in " + workspace.url.redacted() + " is at version " + previous + ", older than this TREx's "
                + latest + ": 1 migration(s) pending; trex migrate applies them (so does trex load, before it loads)");
    }

    @Test
    void aNewerSchemaSaysALaterTrexMigratedIt() {
        Sql.execute(workspace.url, "INSERT INTO " + HISTORY + " (installed_rank, version, description, type, script, "
                + "installed_by, execution_time, success) SELECT max(installed_rank) + 1, '9999', 'later', 'SQL', "
                + "'V9999__later.sql', 'trex', 0, true FROM " + HISTORY);

        Result plan = plan();

        assertThat(plan.code()).as(plan.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(plan.err()).contains("trex: Cannot count the cohort of extract discharge-delays: the source schema "
                + "in " + workspace.url.redacted() + " is at version 9999, newer than this TREx's " + latest
                + ": a later TREx migrated it; use that TREx or a later one");
    }

    private Result plan() {
        return Workspace.trex("plan", workspace.spec.toString(), "--as-of", Workspace.AS_OF.toString(),
                "--database-url", workspace.url.jdbcUrl());
    }
}
