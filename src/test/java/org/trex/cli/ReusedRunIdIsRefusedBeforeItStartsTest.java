package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.testing.TestDatabase;

/**
 * A run ID a run already started under is refused before a second RUN_START names it (exit 2, a RUN_REFUSED entry),
 * whether or not the earlier run published anything.
 */
class ReusedRunIdIsRefusedBeforeItStartsTest {
    @TempDir
    Path root;

    @Test
    void aRunIdThatAlreadyStartedARunIsRefusedWithoutASecondStart() {
        Workspace workspace = Workspace.create(root, TestDatabase.fresh());
        assertThat(workspace.approve("IGB-REUSE").code()).isEqualTo(ExitCode.OK);
        String runId = "0b5e2c1a-4d6f-4a8b-9c3d-abcdefabcdef";
        AuditLog audit = new AuditLog(workspace.url);
        // An earlier run that started under the ID and never published (failed, or killed).
        AuditEntry earlier = audit.append("earlier", AuditAction.RUN_START, Optional.of(Workspace.EXTRACT),
                Optional.of(runId), Map.of());

        Result run = workspace.run("--run-id", runId);

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        String reason = "Cannot run extract discharge-delays: run ID " + runId + " was already used: a run of "
                + "discharge-delays started under it (audit entry " + earlier.seq() + "); give another --run-id";
        assertThat(run.err()).isEqualTo("trex: " + reason + "\n");
        List<AuditEntry> entries = audit.list(Optional.empty()).stream()
                .filter(e -> e.runId().equals(Optional.of(runId))).toList();
        // The earlier run holds no lock, so this run first records it as abandoned.
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.RUN_START,
                AuditAction.RUN_ABANDONED, AuditAction.RUN_REFUSED);
        assertThat(entries.get(2).details()).contains("\"reason\":\"" + reason + "\"");
        assertThat(workspace.out.resolve(Workspace.EXTRACT)).as("staging for the refused run").doesNotExist();
    }
}
