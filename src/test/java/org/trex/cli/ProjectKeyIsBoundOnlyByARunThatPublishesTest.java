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
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A project's key is bound by its first run that publishes, in the transaction that publishes it: a first run that
 * fails after its preflight binds nothing, so the custodian may still bring the right key, and the run that then
 * publishes binds it.
 */
class ProjectKeyIsBoundOnlyByARunThatPublishesTest {
    private static final String RIGHT_KEY_HEX = "6d2e".repeat(16);
    private static final String BINDINGS = "SELECT key_id || ' ' || run_id FROM trex_governance.project_key";

    @TempDir
    Path root;

    @Test
    void aFirstRunThatFailsBindsNothingAndTheNextOneWithAnotherKeyBindsItsKey() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 300, 41);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-BIND").code()).isEqualTo(ExitCode.OK);
        String failedRun = UUID.randomUUID().toString();
        // Its run ID is taken, so the run fails at staging, after its preflight passed.
        Files.createDirectories(workspace.out.resolve(Workspace.EXTRACT).resolve(failedRun));

        Result failed = workspace.run("--run-id", failedRun);

        assertThat(failed.code()).as(failed.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(failed.err()).startsWith("trex: Cannot start run " + failedRun + " of discharge-delays: ");
        assertThat(Sql.strings(url, BINDINGS)).as("bindings after the failed run").isEmpty();
        assertThat(actions(url, failedRun)).containsExactly(AuditAction.RUN_START, AuditAction.RUN_END);

        Files.writeString(workspace.key, RIGHT_KEY_HEX + "\n");
        String publishedRun = UUID.randomUUID().toString();
        Result published = workspace.run("--run-id", publishedRun);

        assertThat(published.code()).as(published.all()).isEqualTo(ExitCode.OK);
        String rightKeyId = PseudonymKey.fromHex(RIGHT_KEY_HEX, "test").id();
        assertThat(Sql.strings(url, BINDINGS)).containsExactly(rightKeyId + " " + publishedRun);
        assertThat(actions(url, publishedRun)).containsExactly(AuditAction.RUN_START, AuditAction.KEY_BIND,
                AuditAction.RUN_END);
        assertThat(entries(url, publishedRun).get(1).details()).contains("\"project\":\"discharge-evaluation\"",
                "\"key_name\":\"discharge-evaluation-2025\"", "\"key_id\":\"" + rightKeyId + "\"");
    }

    private static List<AuditEntry> entries(DatabaseUrl url, String runId) {
        return new AuditLog(url).list(Optional.empty()).stream().filter(e -> e.runId().equals(Optional.of(runId)))
                .toList();
    }

    private static List<AuditAction> actions(DatabaseUrl url, String runId) {
        return entries(url, runId).stream().map(AuditEntry::action).toList();
    }
}
