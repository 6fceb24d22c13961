package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.testing.TestDatabase;

/**
 * A run refused before it starts (not approved, a bad key) is audited as every run is: one RUN_REFUSED entry with
 * the run's ID, the plan hash it was refused for and the reason the user was given; it has no RUN_START.
 */
class RefusedRunIsAuditedTest {
    @TempDir
    Path root;

    Workspace workspace;

    @BeforeEach
    void workspace() {
        // The refusal comes before any source row is read, so an empty database is enough.
        workspace = Workspace.create(root, TestDatabase.fresh());
    }

    private List<AuditEntry> entries(String runId) {
        return new AuditLog(workspace.url).list(Optional.empty()).stream()
                .filter(e -> e.runId().equals(Optional.of(runId))).toList();
    }

    @Test
    void aRunWithNoApprovalIsAuditedAsRefused() {
        String runId = UUID.randomUUID().toString();

        Result run = workspace.run("--run-id", runId);

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        String reason = run.err().strip().substring("trex: ".length());
        assertThat(entries(runId)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.RUN_REFUSED);
            assertThat(e.extractId()).contains(Workspace.EXTRACT);
            assertThat(e.details()).contains("\"planHash\":\"", "\"asOf\":\"" + Workspace.AS_OF + "\"",
                    "\"reason\":\"" + reason + "\"");
        });
        assertThat(reason).startsWith("Cannot run extract discharge-delays: it has no approval");
    }

    @Test
    void aRunWithABadKeyIsAuditedAsRefused() throws Exception {
        assertThat(workspace.approve("IGB-KEY").code()).isEqualTo(ExitCode.OK);
        Files.setPosixFilePermissions(workspace.key, PosixFilePermissions.fromString("rw-r--r--"));
        String runId = UUID.randomUUID().toString();

        Result run = workspace.run("--run-id", runId);

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(entries(runId)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.RUN_REFUSED);
            assertThat(e.details()).contains("it is readable by group or others; restrict it with chmod 600");
        });
    }
}
