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
 * A run whose disk fills while it writes (Spark's tasks staging parts, or TREx's own files) fails as any run does,
 * exit 1 and nothing partial left, and its one line leads with TREx's words, which disk is full and what it has
 * free, then the write that met it, never with Spark's "Job aborted due to stage failure"; its failed run end in
 * the audit log says the same.
 */
class DiskFilledMidRunIsToldInTrexsWordsTest {
    @TempDir
    Path root;

    @Test
    void aRunThatFillsItsDiskSaysWhichDiskFirst() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 23);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-FULL").code()).isEqualTo(ExitCode.OK);
        SmallDisk disk = SmallDisk.at(root.resolve("disk"));
        String runId = UUID.randomUUID().toString();
        Path log = root.resolve("run.log");

        // Room for the run to start and stage (its scratch, staging and first lineage event), not for its data.
        int code = disk.start("64k", SmallDisk.Start.EMPTY, List.of("run", workspace.spec.toString(), "--as-of",
                Workspace.AS_OF.toString(), "--run-id", runId, "--out", root.resolve("disk/out").toString(),
                "--master", "local[2]", "--partitions", "2", "--key-file", workspace.key.toString(),
                "--database-url", url.jdbcUrl()), log).waitFor();

        String printed = Files.readString(log);
        assertThat(code).as(printed).isEqualTo(ExitCode.FAILURE);
        // The temporary folder's long digit runs are scrubbed, as in any message.
        String lead = "Cannot complete run " + runId + " of discharge-delays: the disk holding ";
        assertThat(printed.lines().filter(line -> line.startsWith("trex: ")).toList()).as(printed).singleElement()
                .satisfies(line -> assertThat(line).startsWith("trex: " + lead)
                        .containsPattern("/disk/out is full \\([0-9,]+ bytes free\\): .*No space left on device")
                        .doesNotContain("Job aborted"));
        assertThat(disk.heldAtTheEnd()).as("what the failed run left on the disk")
                .noneMatch(path -> path.contains("/.staging-") || path.contains("/discharge-delays/" + runId));
        List<AuditEntry> ends = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.RUN_END && e.runId().equals(Optional.of(runId))).toList();
        assertThat(ends).singleElement().satisfies(e -> assertThat(e.details())
                .contains("\"outcome\":\"failed\"", "\"error\":\"the disk holding ", "/disk/out is full ("));
    }
}
