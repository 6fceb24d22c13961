package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.testing.TestDatabase;

/**
 * {@code trex run --due} audits each scheduled spec it skips (not approved, not loadable) as a refused run, with the
 * spec's path, its ID where it loaded, the reason it printed and the scheduler's run ID, and still exits 5.
 */
class DueSkipsAreAuditedAsRefusedRunsTest {
    @TempDir
    Path root;

    @Test
    void anUnapprovedAndAnUnloadableSpecEachGetARunRefusedEntry() throws Exception {
        Workspace workspace = Workspace.create(root, TestDatabase.fresh());
        Path broken = workspace.spec.resolveSibling("broken.yaml");
        Files.writeString(broken, Files.readString(workspace.spec).replace("purpose:", "porpoise: a typo\npurpose:"));

        Result due = Workspace.trex("run", "--due", "--as-of", Workspace.AS_OF.toString(), "--specs",
                workspace.spec.getParent().toString(), "--out", workspace.out.toString(), "--master", "local[2]",
                "--key-file", workspace.key.toString(), "--database-url", workspace.url.jdbcUrl(),
                "--run-id", "scheduled__skips");

        assertThat(due.code()).as(due.all()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(due.err()).contains("skipped " + broken + ": invalid spec, policy or board register",
                "skipped " + workspace.spec + ": Cannot run extract discharge-delays: it has no approval");
        List<AuditEntry> refused = new AuditLog(workspace.url).list(AuditAction.RUN_REFUSED);
        assertThat(refused).filteredOn(e -> e.details().contains("\"spec\":\"" + broken + "\"")).singleElement()
                .satisfies(e -> {
                    assertThat(e.extractId()).isEmpty();
                    assertThat(e.runId()).isEmpty();
                    assertThat(e.details()).contains("\"reason\":\"Cannot run scheduled spec " + broken
                            + ": invalid spec, policy or board register\"", "porpoise",
                            "\"schedulerRunId\":\"scheduled__skips\"");
                });
        assertThat(refused).filteredOn(e -> e.details().contains("\"spec\":\"" + workspace.spec + "\""))
                .singleElement().satisfies(e -> {
                    assertThat(e.extractId()).contains(Workspace.EXTRACT);
                    assertThat(e.details()).contains("\"reason\":\"Cannot run scheduled spec " + workspace.spec
                            + ": Cannot run extract discharge-delays: it has no approval",
                            "\"schedulerRunId\":\"scheduled__skips\"");
                });
    }
}
