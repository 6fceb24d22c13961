package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A run that fails on a full disk may find no room for its FAIL events either: what it could not write whole is
 * removed, not left as a log cut mid-line that no lineage reader can parse, and a warning says so; the audit log's
 * failed end still records the failure.
 */
class FailedRunLogCutShortByAFullDiskIsRemovedTest {
    @TempDir
    Path root;

    @Test
    void failedRunEventsThatDoNotFitAreRemovedAndTheWarningSaysSo() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 23);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-FULL-LOG").code()).isEqualTo(ExitCode.OK);
        SmallDisk disk = SmallDisk.at(root.resolve("disk"));
        String runId = UUID.randomUUID().toString();
        Path log = root.resolve("run.log");

        int code = disk.start("64k", SmallDisk.Start.EMPTY, List.of("run",
                workspace.spec.toString(), "--as-of", Workspace.AS_OF.toString(), "--run-id", runId, "--out",
                root.resolve("disk/out").toString(), "--master", "local[2]", "--partitions", "2", "--key-file",
                workspace.key.toString(), "--database-url", url.jdbcUrl()), log).waitFor();

        String printed = Files.readString(log);
        assertThat(code).as(printed).isEqualTo(ExitCode.FAILURE);
        Path failed = root.resolve("disk/out/discharge-delays/failed-runs/" + runId + ".ndjson");
        // The disk had room for the run's staging, not for its data nor for the whole of its FAIL events.
        assertThat(printed).contains("WARN  ExtractRunner - Cannot write the FAIL event of run " + runId + " to "
                + failed + " (", "No space left on device): removed what was written of it; the audit log's failed"
                + " end records the failure");
        assertThat(disk.filesAtTheEnd().resolve("out/discharge-delays/failed-runs/" + runId + ".ndjson"))
                .as("the FAIL events cut short").doesNotExist();
        List<AuditEntry> ends = new AuditLog(url).list(AuditAction.RUN_END).stream()
                .filter(e -> e.runId().equals(Optional.of(runId))).toList();
        assertThat(ends).singleElement().satisfies(e -> assertThat(e.details()).contains("\"outcome\":\"failed\""));
    }
}
