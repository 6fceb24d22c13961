package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A host a little off the database's time (within the bound) runs, and what it records is stamped with the
 * database's time, so the audit log's entries from every host are in the order of their times.
 */
class AuditEntriesTakeTheDatabasesTimeTest {
    @TempDir
    Path root;

    @Test
    void aRefusalOnAHostNinetySecondsAheadIsStampedWithTheDatabasesTime() {
        DatabaseUrl url = TestDatabase.fresh();
        Workspace workspace = Workspace.create(root, url);

        Result run = workspace.runOnHost(Clock.offset(Clock.systemDefaultZone(), Duration.ofSeconds(90)));
        Instant databaseNow = Instant.ofEpochMilli(Long.parseLong(Sql.strings(url,
                "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint::text").get(0)));

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        AuditEntry refused = new AuditLog(url).list(AuditAction.RUN_REFUSED).get(0);
        assertThat(refused.at()).isBefore(databaseNow)
                .isAfter(databaseNow.minus(Duration.ofSeconds(30)));
    }
}
