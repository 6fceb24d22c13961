package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.run.FailedRunLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A run stopped by SIGTERM (a scheduler's timeout) mid-way takes the failure path of any failed run: its staging
 * is removed, a FAIL event says it was stopped, the audit log gets a failed end for it with that reason, and the
 * process prints one line saying so. While it runs, its output root and Spark's scratch are its owner's only.
 */
class StoppedRunTakesTheFailurePathTest {
    @TempDir
    Path root;

    @Test
    void sigtermRemovesStagingAndRecordsAFailedEnd() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 31);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-SIGTERM").code()).isEqualTo(ExitCode.OK);
        String runId = UUID.randomUUID().toString();
        Path extractRoot = workspace.out.resolve(Workspace.EXTRACT);
        Path staging = extractRoot.resolve(".staging-" + runId);
        Path log = root.resolve("stopped-run.log");

        Process child = Workspace.start(workspace.runArguments("--run-id", runId), log);
        while (!Files.isDirectory(staging) && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the run ended before it could be stopped: %s", Files.readString(log)).isTrue();
        try (var scratch =
                Files.list(workspace.out).filter(p -> p.getFileName().toString().startsWith(".trex-scratch-"))) {
            assertThat(scratch.toList()).as("Spark's scratch, owner-only").singleElement().satisfies(p -> assertThat(
                    Files.getPosixFilePermissions(p)).isEqualTo(PosixFilePermissions.fromString("rwx------")));
        }
        assertThat(Files.getPosixFilePermissions(workspace.out))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        child.destroy();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the stopped run exits").isTrue();

        assertThat(extractRoot.resolve(runId)).doesNotExist();
        assertThat(staging).as("the stopped run's staging").doesNotExist();
        // Whichever ends the run first, the hook or the run itself failing on the Spark the signal stopped, the
        // signal is the reason given, not the error the stopped Spark threw.
        String stopped = "the process was stopped (SIGTERM or shutdown) before the run ended";
        assertThat(Files.readString(extractRoot.resolve(FailedRunLog.FOLDER).resolve(runId + ".ndjson")))
                .contains("\"eventType\":\"FAIL\"", stopped).doesNotContain("NullPointerException");
        List<AuditEntry> ends = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.RUN_END && e.runId().equals(Optional.of(runId))).toList();
        assertThat(ends).as(Files.readString(log)).singleElement().satisfies(e -> assertThat(e.details())
                .contains("\"outcome\":\"failed\"", "\"error\":\"" + stopped + "\""));
        // The one line a scheduler's log shows, however late in the run the signal came.
        assertThat(Files.readAllLines(log)).as(Files.readString(log)).filteredOn(line -> line.startsWith("trex: "))
                .containsExactly("trex: Cannot complete run " + runId + " of " + Workspace.EXTRACT + ": " + stopped);
    }
}
