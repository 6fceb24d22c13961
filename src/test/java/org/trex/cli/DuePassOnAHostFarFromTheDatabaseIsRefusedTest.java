package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A scheduler host whose clock runs ahead would find periods due that are not, and judge approvals and lists on a
 * day still to come: its {@code run --due} pass is refused whole before it reads a spec or claims a period, and the
 * refusal is audited with the scheduler's run ID.
 */
class DuePassOnAHostFarFromTheDatabaseIsRefusedTest {
    @TempDir
    Path root;

    @Test
    void aSchedulerHostTenMinutesAheadClaimsNoPeriod() {
        Workspace workspace = Workspace.create(root, TestDatabase.fresh());
        assertThat(workspace.approve("IGB-AHEAD").code()).isEqualTo(ExitCode.OK);

        Result due = Workspace.trexOnHost(Clock.offset(Clock.systemDefaultZone(), Duration.ofMinutes(10)),
                "run", "--due", "--specs", workspace.spec.getParent().toString(), "--out", workspace.out.toString(),
                "--master", "local[2]", "--key-file", workspace.key.toString(), "--database-url",
                workspace.url.jdbcUrl(), "--run-id", "scheduled__ahead");

        assertThat(due.code()).as(due.all()).isEqualTo(ExitCode.FAILURE);
        // The folder's name is left out of the comparison: the temporary folder's run of digits is scrubbed.
        assertThat(due.err()).startsWith("trex: Cannot run the due extracts in ")
                .contains("/extracts: this host's clock is 10 min ahead of the database's (host ")
                .endsWith("); fix the host's time (NTP) and run again\n");
        assertThat(Sql.count(workspace.url, "SELECT count(*) FROM trex_governance.scheduled_run")).isZero();
        assertThat(new AuditLog(workspace.url).list(Optional.empty()))
                .filteredOn(e -> e.action() == AuditAction.RUN_REFUSED).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("this host's clock is 10 min ahead",
                        "\"schedulerRunId\":\"scheduled__ahead\""));
        assertThat(workspace.out).as("--out").doesNotExist();
    }
}
