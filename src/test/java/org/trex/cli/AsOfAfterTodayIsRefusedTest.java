package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A run as of a day still to come would mark that day's period done before the day, and the scheduler's run on it
 * would find nothing due: {@code trex run} and {@code trex run --due} refuse an --as-of after today (exit 2) before
 * any run starts. The single run's refusal is audited as a refused run, as its other refusals before it starts are;
 * the pass's comes before any spec is read, as its other refusals of the command line do.
 */
class AsOfAfterTodayIsRefusedTest {
    private static final LocalDate TODAY = LocalDate.now();
    private static final LocalDate TOMORROW = TODAY.plusDays(1);

    @TempDir
    Path root;

    Workspace workspace;

    @BeforeEach
    void approvedWorkspace() {
        // The refusal comes before any source row is read, so an empty database is enough.
        workspace = Workspace.create(root, TestDatabase.fresh());
        assertThat(workspace.approve("IGB-FUTURE").code()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aRunAsOfTomorrowIsRefusedAndAudited() {
        String runId = UUID.randomUUID().toString();

        Result run = Workspace.trex("run", workspace.spec.toString(), "--as-of", TOMORROW.toString(), "--run-id",
                runId, "--out", workspace.out.toString(), "--master", "local[2]", "--key-file",
                workspace.key.toString(), "--database-url", workspace.url.jdbcUrl());

        String reason = "Cannot run extract discharge-delays: the as-of date " + TOMORROW + " is after today ("
                + TODAY + ")";
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("trex: " + reason + "\n");
        assertThat(new AuditLog(workspace.url).list(Optional.empty()))
                .filteredOn(e -> e.runId().equals(Optional.of(runId))).singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.RUN_REFUSED);
                    assertThat(e.extractId()).contains(Workspace.EXTRACT);
                    assertThat(e.details()).contains("\"asOf\":\"" + TOMORROW + "\"", "\"reason\":\"" + reason + "\"");
                });
        assertThat(Workspace.files(workspace.out)).as("files under --out").isEmpty();
    }

    @Test
    void aDuePassAsOfTomorrowIsRefusedBeforeItClaimsAPeriod() {
        Result due = Workspace.trex("run", "--due", "--as-of", TOMORROW.toString(), "--specs",
                workspace.spec.getParent().toString(), "--out", workspace.out.toString(), "--master", "local[2]",
                "--key-file", workspace.key.toString(), "--database-url", workspace.url.jdbcUrl(),
                "--run-id", "scheduled__tomorrow");

        assertThat(due.code()).as(due.all()).isEqualTo(ExitCode.BAD_INPUT);
        // The folder's name is left out of the comparison: the temporary folder's run of digits is scrubbed.
        assertThat(due.err()).startsWith("trex: Cannot run the due extracts in ")
                .endsWith("/extracts: the as-of date " + TOMORROW + " is after today (" + TODAY + ")\n");
        assertThat(Sql.count(workspace.url, "SELECT count(*) FROM trex_governance.scheduled_run")).isZero();
        assertThat(new AuditLog(workspace.url).list(Optional.empty())).extracting(e -> e.action())
                .doesNotContain(AuditAction.RUN_START, AuditAction.RUN_REFUSED);
        assertThat(workspace.out).as("--out").doesNotExist();
    }
}
