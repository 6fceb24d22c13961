package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.testing.TestDatabase;

/**
 * A run whose {@code --out} is on a full disk is refused before it starts, as the operator's disk is at fault and not
 * the command line: one {@code Cannot run ...} line naming the folder and what its disk has free, exit 1 (a failure,
 * not bad input), a {@code RUN_REFUSED} entry with the same reason, and nothing left on the disk. A {@code run --due}
 * pass is refused whole, before it reads a spec, and audited with the scheduler's run ID.
 */
class FullOutFolderIsRefusedAndAuditedTest {
    private static final String FULL = " is full (0 bytes free): No space left on device";

    // Messages have long digit runs scrubbed (they could be NHS numbers), temporary folders' names among them.
    @TempDir
    Path root;

    @Test
    void aRunIsRefusedWithItsFolderAndAudited() throws Exception {
        Workspace workspace = Workspace.create(root, TestDatabase.fresh());
        SmallDisk disk = SmallDisk.at(root.resolve("disk"));
        String runId = UUID.randomUUID().toString();

        Printed run = run(disk, List.of("run", workspace.spec.toString(), "--as-of", Workspace.AS_OF.toString(),
                "--run-id", runId), workspace);

        assertThat(run.code()).as(run.text()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.errorLines()).as(run.text()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("trex: Cannot run extract discharge-delays: the disk holding ")
                .endsWith("/disk/out" + FULL));
        List<AuditEntry> entries = new AuditLog(workspace.url).list(Optional.empty()).stream()
                .filter(e -> e.runId().equals(Optional.of(runId))).toList();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.RUN_REFUSED);
            assertThat(e.extractId()).contains(Workspace.EXTRACT);
            assertThat(e.details()).contains("\"reason\":\"Cannot run extract discharge-delays: the disk holding ",
                    "/disk/out" + FULL + "\"");
        });
        assertThat(disk.heldAtTheEnd()).as("what the refused run left on the disk").isEmpty();
    }

    @Test
    void aDuePassIsRefusedWholeAndAudited() throws Exception {
        Workspace workspace = Workspace.create(root, TestDatabase.fresh());
        SmallDisk disk = SmallDisk.at(root.resolve("disk"));

        Printed due = run(disk, List.of("run", "--due", "--as-of", Workspace.AS_OF.toString(), "--specs",
                workspace.spec.getParent().toString(), "--run-id", "scheduled__full"), workspace);

        assertThat(due.code()).as(due.text()).isEqualTo(ExitCode.FAILURE);
        assertThat(due.errorLines()).as(due.text()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("trex: Cannot run the due extracts in ").contains("/extracts: the disk holding ")
                .endsWith("/disk/out" + FULL));
        assertThat(new AuditLog(workspace.url).list(AuditAction.RUN_REFUSED)).singleElement().satisfies(e -> {
            assertThat(e.extractId()).isEmpty();
            assertThat(e.runId()).isEmpty();
            assertThat(e.details()).contains("\"specs\":\"" + workspace.spec.getParent() + "\"",
                    "/disk/out" + FULL + "\"", "\"schedulerRunId\":\"scheduled__full\"");
        });
    }

    /** What {@code trex} printed in a child JVM whose {@code --out} is on a full disk, and how it exited. */
    private record Printed(int code, String text) {
        List<String> errorLines() {
            return text.lines().filter(line -> line.startsWith("trex: ")).toList();
        }
    }

    private Printed run(SmallDisk disk, List<String> args, Workspace workspace) throws Exception {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of("--out", root.resolve("disk/out").toString(), "--key-file", workspace.key.toString(),
                "--database-url", workspace.url.jdbcUrl()));
        Path log = root.resolve("trex.log");
        int code = disk.start("64k", SmallDisk.Start.FULL, all, log).waitFor();
        return new Printed(code, Files.readString(log));
    }
}
