package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * Two schedulers calling {@code trex run --due} at once run each due extract once between them; a later call finds
 * nothing due; the scheduler's run ID is in the audit log. A scheduled spec that cannot run (changed since its
 * approval) is skipped and the pass exits 5, so the scheduler hears of it.
 */
class ScheduledRunsTest {
    @TempDir
    Path root;

    @Test
    void concurrentDueRunsRunEachExtractOnce() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 17);
        Workspace workspace = Workspace.create(root, url);
        // Only the scheduled spec is approved; the unscheduled one beside it must be passed over.
        Files.copy(Path.of("extracts/reablement-ascof-2d.yaml"),
                workspace.spec.resolveSibling("reablement-ascof-2d.yaml"));
        assertThat(workspace.approve("IGB-SCHEDULED").code()).isEqualTo(ExitCode.OK);

        // Separate processes, as two cron or Airflow workers would be: each has its own Spark session and scratch.
        List<Process> schedulers = new ArrayList<>();
        for (String schedulerRunId : List.of("scheduled__A", "scheduled__B")) {
            schedulers.add(Workspace.start(due(workspace, schedulerRunId), root.resolve(schedulerRunId + ".log")));
        }
        List<Integer> codes = new ArrayList<>();
        for (Process scheduler : schedulers) {
            codes.add(scheduler.waitFor());
        }
        String logs = Files.readString(root.resolve("scheduled__A.log"))
                + Files.readString(root.resolve("scheduled__B.log"));

        // One ran it (0); the other found it running elsewhere or already run, so nothing was left for it (4).
        assertThat(codes).as(logs).containsExactlyInAnyOrder(ExitCode.OK, ExitCode.NOTHING_DUE);
        assertThat(workspace.published()).as(logs).hasSize(1);
        List<String> rows = new ArrayList<>();
        try (Connection connection = url.connect(); Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT extract_id, status, "
                        + "scheduler_run_id FROM trex_governance.scheduled_run")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).matches("discharge-delays SUCCEEDED scheduled__[AB]");
        String ranBy = rows.get(0).substring(rows.get(0).lastIndexOf(' ') + 1);

        Result third = Workspace.trex(due(workspace, "scheduled__C").toArray(String[]::new));

        assertThat(third.code()).as(third.all()).isEqualTo(ExitCode.NOTHING_DUE);
        assertThat(third.out()).contains("Outcome: nothing_due");
        assertThat(workspace.published()).hasSize(1);

        List<AuditEntry> starts = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.RUN_START).toList();
        assertThat(starts).hasSize(1);
        assertThat(starts.get(0).details()).as("the audit of the scheduled run names the scheduler's run")
                .contains("\"schedulerRunId\":\"" + ranBy + "\"");

        Files.writeString(workspace.spec.resolveSibling("changed.yaml"), Files.readString(workspace.spec)
                .replace("id: discharge-delays", "id: changed-since-approval"));
        Result fourth = Workspace.trex(due(workspace, "scheduled__D").toArray(String[]::new));

        assertThat(fourth.code()).as(fourth.all()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(fourth.err()).contains("skipped " + workspace.spec.resolveSibling("changed.yaml") + ": ");
        assertThat(fourth.out()).contains("Outcome: some_failed (1 spec(s) skipped, named on standard error)");
        assertThat(workspace.published()).hasSize(1);
    }

    private static List<String> due(Workspace workspace, String schedulerRunId) {
        return List.of("run", "--due", "--as-of", Workspace.AS_OF.toString(), "--specs",
                workspace.spec.getParent().toString(),
                "--out", workspace.out.toString(), "--master", "local[2]", "--partitions", "2",
                "--key-file", workspace.key.toString(), "--database-url", workspace.url.jdbcUrl(),
                "--run-id", schedulerRunId);
    }
}
