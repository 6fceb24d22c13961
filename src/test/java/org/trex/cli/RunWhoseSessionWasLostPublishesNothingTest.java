package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.governance.LiveRuns;
import org.trex.run.FailedRunLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A run whose governance session is lost before it publishes (its lock gone, as after a network blip) publishes
 * nothing: whether another process has meanwhile recorded it as abandoned or not, it fails as any run does, with no
 * extract, no release, exit 1 and a failed end, so the audit log never calls a published extract abandoned.
 */
class RunWhoseSessionWasLostPublishesNothingTest {
    /** An advisory lock the test holds and the run's publishing transaction waits for. */
    private static final long GATE = 7_041_977L;

    @TempDir
    Path root;

    @Test
    void aRunRecordedAsAbandonedWhileItRanIsNotPublished() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Workspace workspace = approvedWorkspace(url);
        String runId = UUID.randomUUID().toString();

        Result run = runLosingItsSession(workspace, runId, () -> {
            List<AuditEntry> recorded = new LiveRuns(url, Clock.systemUTC())
                    .closeAbandoned("reconciler", abandoned -> Optional.empty()).recorded();
            assertThat(recorded).as("the run whose session was lost").singleElement()
                    .satisfies(e -> assertThat(e.runId()).contains(runId));
        });

        long abandoned = new AuditLog(url).list(AuditAction.RUN_ABANDONED).get(0).seq();
        assertThat(run.err()).as(run.all()).contains("trex: Cannot complete run " + runId + " of discharge-delays: "
                + "Cannot publish run " + runId + ": the audit log recorded it as abandoned (entry " + abandoned
                + ") while it ran; its governance session was lost");
        assertPublishedNothing(workspace, run, runId);
    }

    @Test
    void aRunThatLostItsLockIsNotPublishedBeforeAnyoneRecordsIt() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Workspace workspace = approvedWorkspace(url);
        String runId = UUID.randomUUID().toString();

        Result run = runLosingItsSession(workspace, runId, () -> { });

        assertThat(run.err()).as(run.all()).contains("trex: Cannot complete run " + runId + " of discharge-delays: "
                + "Cannot publish run " + runId + ": its governance session was lost and with it the lock on its run "
                + "ID, so another process may record it as abandoned");
        assertThat(new AuditLog(url).list(AuditAction.RUN_ABANDONED)).isEmpty();
        assertPublishedNothing(workspace, run, runId);
    }

    private Workspace approvedWorkspace(DatabaseUrl url) {
        SyntheticData.generate(url, 1000, 37);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-LOST-SESSION").code()).isEqualTo(ExitCode.OK);
        return workspace;
    }

    /**
     * Runs the extract, holding its publishing transaction at its first insert until the run's lock session has been
     * ended from the database side and {@code meanwhile} has run.
     */
    private static Result runLosingItsSession(Workspace workspace, String runId, Runnable meanwhile) throws Exception {
        DatabaseUrl url = workspace.url;
        try (Connection gate = url.connect(); Statement sql = gate.createStatement()) {
            sql.execute("SELECT pg_advisory_lock(" + GATE + ")");
            sql.execute("CREATE FUNCTION trex_governance.wait_at_gate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "PERFORM pg_advisory_xact_lock(" + GATE + "); RETURN NEW; END $$");
            sql.execute("CREATE TRIGGER wait_at_gate BEFORE INSERT ON trex_governance.release "
                    + "FOR EACH ROW EXECUTE FUNCTION trex_governance.wait_at_gate()");
            CompletableFuture<Result> run = CompletableFuture.supplyAsync(() -> workspace.run("--run-id", runId));
            String here = "database = (SELECT oid FROM pg_database WHERE datname = current_database())";
            while (!run.isDone() && single(sql, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                    + "AND NOT granted AND " + here) == 0) {
                Thread.sleep(50);
            }
            assertThat(run.isDone()).as("the run ended before publishing: %s", run.isDone() ? run.get() : "").isFalse();
            // The only other session holding advisory locks here is the run's: on its run ID, and its ledger turn.
            long holder = single(sql, "SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND "
                    + here + " AND pid <> pg_backend_pid()");
            assertThat(single(sql, "SELECT pg_terminate_backend(" + holder + ", 10000)::int")).isEqualTo(1);
            meanwhile.run();
            sql.execute("SELECT pg_advisory_unlock(" + GATE + ")");
            return run.get(5, TimeUnit.MINUTES);
        }
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            long value = rows.getLong(1);
            assertThat(rows.next()).as("one row of " + query).isFalse();
            return value;
        }
    }

    private static void assertPublishedNothing(Workspace workspace, Result run, String runId) throws Exception {
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(workspace.published()).as("no extract published").isEmpty();
        try (var children = Files.list(workspace.out.resolve(Workspace.EXTRACT))) {
            assertThat(children.map(p -> p.getFileName().toString())).as("no staging left")
                    .containsExactly(FailedRunLog.FOLDER);
        }
        assertThat(Sql.strings(workspace.url, "SELECT run_id FROM trex_governance.release")).isEmpty();
        List<AuditEntry> ends = new AuditLog(workspace.url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.RUN_END && e.runId().equals(Optional.of(runId))).toList();
        assertThat(ends).singleElement().satisfies(e -> assertThat(e.details()).contains("\"outcome\":\"failed\""));
    }
}
