package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/** A run refused when it stages (its run ID already published) ends in the audit log: no start without an end. */
class RunRefusedAtStagingIsRecordedTest {
    @TempDir
    Path root;

    @Test
    void aRefusalAtStagingRecordsAFailedEnd() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        org.trex.generate.SyntheticData.generate(url, 200, 37);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-STAGING").code()).isEqualTo(ExitCode.OK);
        String runId = UUID.randomUUID().toString();
        Path taken = Files.createDirectories(workspace.out.resolve(Workspace.EXTRACT).resolve(runId));

        Result run = workspace.run("--run-id", runId);

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        // The temporary folder's digits are scrubbed from messages like any long digit run.
        assertThat(run.err()).startsWith("trex: Cannot start run " + runId + " of discharge-delays: ")
                .endsWith("/" + taken.getFileName() + " already exists; give another --run-id\n");
        List<AuditEntry> entries = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.runId().equals(Optional.of(runId))).toList();
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.RUN_START, AuditAction.RUN_END);
        assertThat(entries.get(1).details()).contains("\"outcome\":\"failed\"").contains("already exists");
    }
}
