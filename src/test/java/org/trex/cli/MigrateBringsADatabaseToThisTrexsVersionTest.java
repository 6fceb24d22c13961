package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * After an upgrade, runs and plans refuse a source schema older than this TREx's. {@code trex migrate} brings both
 * schemas to its version without a load, audits what it applied, and with {@code --check} only says what is
 * pending; a schema a later TREx migrated is refused.
 */
class MigrateBringsADatabaseToThisTrexsVersionTest {
    private static final String SOURCE_HISTORY = "trex_source_schema_history";

    @Test
    void anOlderSourceSchemaIsMigratedAndAudited() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        List<String> versions = sourceVersions(url);
        String previous = versions.get(versions.size() - 2);
        String latest = versions.get(versions.size() - 1);
        sourceFlyway(url).target(MigrationVersion.fromVersion(previous)).load().migrate();

        Result check = Workspace.trex("migrate", "--check", "--database-url", url.jdbcUrl());

        assertThat(check.code()).as(check.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(check.out()).contains("PENDING Source schema: the source schema in " + url.redacted()
                + " is at version " + previous + ", older than this TREx's " + latest + ": 1 migration(s) pending");
        assertThat(check.out()).contains("Governance schema in " + url.redacted() + ": at this TREx's version");
        assertThat(SourceSchema.pending(url)).isEqualTo(1);

        Result migrate = Workspace.trex("migrate", "--database-url", url.jdbcUrl());

        assertThat(migrate.code()).as(migrate.all()).isEqualTo(ExitCode.OK);
        assertThat(migrate.out()).contains("Source schema in " + url.redacted() + ": applied 1 migration(s)");
        assertThat(migrate.out()).contains("Governance schema in " + url.redacted()
                + ": at this TREx's version, nothing to apply");
        assertThat(SourceSchema.pending(url)).isZero();
        AuditEntry newest = new AuditLog(url).head().orElseThrow();
        assertThat(newest.action()).isEqualTo(AuditAction.MIGRATE);
        assertThat(newest.details()).contains("\"sourceMigrationsApplied\":1")
                .contains("\"governanceMigrationsApplied\":0");
        assertThat(Workspace.trex("migrate", "--check", "--database-url", url.jdbcUrl()).code())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void aCurrentDatabaseIsLeftAsItIsAndNothingIsAudited() {
        DatabaseUrl url = TestDatabase.fresh();
        assertThat(Workspace.trex("migrate", "--database-url", url.jdbcUrl()).code()).isEqualTo(ExitCode.OK);
        long entries = new AuditLog(url).list(Optional.empty()).size();

        Result again = Workspace.trex("migrate", "--database-url", url.jdbcUrl());

        assertThat(again.code()).as(again.all()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("Source schema in " + url.redacted()
                + ": at this TREx's version, nothing to apply");
        assertThat(new AuditLog(url).list(Optional.empty())).hasSize((int) entries);
    }

    @Test
    void aSchemaALaterTrexMigratedIsRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        SourceSchema.migrate(url);
        GovernanceSchema.migrate(url);
        String latest = sourceVersions(url).get(sourceVersions(url).size() - 1);
        Sql.execute(url, "INSERT INTO public." + SOURCE_HISTORY + " (installed_rank, version, description, type, "
                + "script, installed_by, execution_time, success) SELECT max(installed_rank) + 1, '9999', 'later', "
                + "'SQL', 'V9999__later.sql', 'trex', 0, true FROM public." + SOURCE_HISTORY);
        String newer = "the source schema in " + url.redacted() + " is at version 9999, newer than this TREx's "
                + latest + ": a later TREx migrated it; use that TREx or a later one";

        Result migrate = Workspace.trex("migrate", "--database-url", url.jdbcUrl());
        Result check = Workspace.trex("migrate", "--check", "--database-url", url.jdbcUrl());

        assertThat(migrate.code()).as(migrate.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(migrate.err()).contains("trex: Cannot migrate source schema: " + newer);
        assertThat(check.code()).as(check.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(check.err()).contains("trex: Cannot check the schemas: " + newer);
    }

    /** Flyway over the source migrations, configured as TREx configures it. */
    private static org.flywaydb.core.api.configuration.FluentConfiguration sourceFlyway(DatabaseUrl url) {
        return Flyway.configure().dataSource(url.dataSource()).locations("classpath:db/source").table(SOURCE_HISTORY)
                .schemas("public").defaultSchema("public");
    }

    private static List<String> sourceVersions(DatabaseUrl url) {
        return Arrays.stream(sourceFlyway(url).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null && !v.getVersion().equals("9999"))
                .sorted(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .distinct()
                .toList();
    }
}
