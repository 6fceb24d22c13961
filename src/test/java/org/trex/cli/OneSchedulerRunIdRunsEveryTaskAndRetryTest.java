package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * An Airflow DAG run passes its {@code run_id} to each of its extract tasks, and again to a task's retry: a
 * {@code --run-id} that is no UUID is the parent of each such run, each run having a fresh ID of its own, so two
 * extracts and a retry under one scheduler run ID all run, and the audit names the scheduler's run in each.
 */
class OneSchedulerRunIdRunsEveryTaskAndRetryTest {
    private static final String SCHEDULER_RUN_ID = "scheduled__2026-12-01T06:00:00+00:00";

    @TempDir
    Path root;

    @Test
    void twoExtractsAndARetryRunUnderOneSchedulerRunId() {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 300, 29);
        Workspace first = Workspace.create(root.resolve("first"), url);
        assertThat(first.approve("IGB-DAG-1").code()).isEqualTo(ExitCode.OK);
        Workspace second = Workspace.create(root.resolve("second"), url);
        second.editSpec("id: discharge-delays", "id: discharge-delays-weekly");
        assertThat(second.approve("IGB-DAG-2").code()).isEqualTo(ExitCode.OK);

        Result firstTask = first.run("--run-id", SCHEDULER_RUN_ID);
        Result secondTask = second.run("--run-id", SCHEDULER_RUN_ID);
        Result retry = first.run("--run-id", SCHEDULER_RUN_ID);

        assertThat(firstTask.code()).as(firstTask.all()).isEqualTo(ExitCode.OK);
        assertThat(secondTask.code()).as(secondTask.all()).isEqualTo(ExitCode.OK);
        assertThat(retry.code()).as(retry.all()).isEqualTo(ExitCode.OK);
        List<AuditEntry> starts = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.RUN_START).toList();
        assertThat(starts).extracting(e -> e.extractId().orElseThrow())
                .containsExactly("discharge-delays", "discharge-delays-weekly", "discharge-delays");
        assertThat(starts).allSatisfy(e -> assertThat(e.details())
                .contains("\"schedulerRunId\":\"" + SCHEDULER_RUN_ID + "\""));
        List<String> runIds = starts.stream().map(e -> e.runId().orElseThrow()).toList();
        assertThat(runIds).doesNotHaveDuplicates().allSatisfy(id -> UUID.fromString(id));
        assertThat(first.published()).hasSize(2);
    }
}
