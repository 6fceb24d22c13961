package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.generate.SyntheticData;
import org.trex.governance.LiveRuns;
import org.trex.governance.RunLock;
import org.trex.governance.TurnWait;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * {@code trex run --wait-for-turn} bounds how long a run with aggregate outputs waits while another run of its project
 * has the release ledger (one that hangs, say): past it, the run fails as a run that started, with the reason in its
 * one error line and its audit entry, and publishes nothing; a form the option cannot read is refused before any run.
 */
class RunGivenUpOnItsTurnPublishesNothingTest {
    @TempDir
    Path root;

    @Test
    void aRunWhoseTurnDoesNotComeWithinItsWaitFailsWithoutPublishing() {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 41);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-WAIT").code()).isEqualTo(ExitCode.OK);
        String runId = UUID.randomUUID().toString();

        Workspace.Result result;
        try (RunLock hung = new LiveRuns(url, Clock.systemUTC()).hold("another-extract", "run-that-hangs")) {
            hung.takeLedgerTurn("another-extract", "discharge-evaluation", TurnWait.DEFAULT, (holder, waited) -> { });
            result = workspace.run("--run-id", runId, "--wait-for-turn", "2s");
        }

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).contains("trex: Cannot complete run " + runId + " of discharge-delays: Cannot take "
                + "run " + runId + "'s turn at the release ledger: another run of extract discharge-delays or project "
                + "discharge-evaluation still had it after the longest wait allowed (2s); runs that release aggregate "
                + "cells of extract discharge-delays or project discharge-evaluation take turns");
        assertThat(workspace.published()).isEmpty();
        assertThat(Sql.strings(url, "SELECT run_id FROM trex_governance.release")).isEmpty();
        assertThat(Sql.strings(url, "SELECT details::text FROM trex_governance.audit_log WHERE action = 'RUN_END'"))
                .singleElement().asString().contains("\"outcome\": \"failed\"", "turn at the release ledger");
    }

    @Test
    void aWaitInAnotherFormIsRefusedBeforeTheRun() {
        Workspace.Result result = Workspace.trex("run", "extracts/discharge-delays.yaml", "--wait-for-turn", "1 day");

        assertThat(result.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).contains("--wait-for-turn", "not a wait of whole seconds, minutes or hours, such as "
                + "90s, 30m or 2h (0s: no wait)");
    }
}
