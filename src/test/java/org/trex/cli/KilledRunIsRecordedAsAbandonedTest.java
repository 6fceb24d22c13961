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
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A run killed with kill -9 after its RUN_START, which could record no end, is recorded as abandoned by the next
 * {@code trex audit}, once, and the listing shows it; no extract stands for it.
 */
class KilledRunIsRecordedAsAbandonedTest {
    @TempDir
    Path root;

    @Test
    void theNextAuditRecordsTheKilledRunAsAbandoned() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 29);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-ABANDON").code()).isEqualTo(ExitCode.OK);
        String runId = UUID.randomUUID().toString();
        Path staging = workspace.out.resolve(Workspace.EXTRACT).resolve(".staging-" + runId);
        Path log = root.resolve("killed-run.log");

        Process child = Workspace.start(workspace.runArguments("--run-id", runId), log);
        try {
            // Staging is made after RUN_START, under the run's lock.
            while (!Files.isDirectory(staging) && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the run ended before it could be killed: %s", Files.readString(log))
                    .isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        Result audit = Workspace.trex("audit", "--database-url", url.jdbcUrl());
        Result again = Workspace.trex("audit", "--database-url", url.jdbcUrl());

        assertThat(audit.code()).as(audit.all()).isEqualTo(ExitCode.OK);
        List<AuditEntry> entries = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.runId().equals(Optional.of(runId))).toList();
        assertThat(entries).extracting(AuditEntry::action).endsWith(AuditAction.RUN_START,
                AuditAction.RUN_ABANDONED);
        AuditEntry abandoned = entries.get(entries.size() - 1);
        assertThat(audit.out()).contains("Recorded run " + runId + " of discharge-delays as abandoned (audit entry "
                + abandoned.seq() + ")", "\tRUN_ABANDONED\t");
        assertThat(again.out()).as("recorded once").doesNotContain("Recorded run");
        assertThat(abandoned.details()).contains("\"runStartSeq\":" + entries.get(entries.size() - 2).seq());
        assertThat(workspace.out.resolve(Workspace.EXTRACT).resolve(runId)).as("the killed run's extract")
                .doesNotExist();
    }
}
