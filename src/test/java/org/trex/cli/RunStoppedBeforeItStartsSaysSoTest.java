package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * SIGTERM (a scheduler's timeout) that comes before a run has started, while its checks run or while it takes its
 * lock and records its RUN_START, still gets one line saying the process was stopped, exits 143, and leaves no
 * RUN_START without an end, so the next run does not record it as abandoned.
 */
class RunStoppedBeforeItStartsSaysSoTest {
    /** An advisory lock the test holds and the run's RUN_START waits for. */
    private static final long GATE = 7_041_978L;
    private static final String HERE = "database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    @TempDir
    Path root;

    @Test
    void aSignalWhileTheRunRecordsItsStartEndsTheRunItStarted() throws Exception {
        Workspace workspace = approvedWorkspace();
        String runId = UUID.randomUUID().toString();
        Path log = root.resolve("stopped-starting.log");
        try (Connection gate = workspace.url.connect(); Statement sql = gate.createStatement()) {
            sql.execute("SELECT pg_advisory_lock(" + GATE + ")");
            sql.execute("CREATE FUNCTION trex_governance.wait_at_gate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.action = 'RUN_START' THEN PERFORM pg_advisory_xact_lock(" + GATE + "); END IF; "
                    + "RETURN NEW; END $$");
            sql.execute("CREATE TRIGGER wait_at_gate BEFORE INSERT ON trex_governance.audit_log "
                    + "FOR EACH ROW EXECUTE FUNCTION trex_governance.wait_at_gate()");
            Process child = Workspace.start(workspace.runArguments("--run-id", runId), log);
            waitFor(child, log, sql, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND "
                    + HERE);
            child.destroy();
            // The stopping process waits for the start it is recording, then ends the run it started.
            sql.execute("SELECT pg_advisory_unlock(" + GATE + ")");
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the stopped run exits").isTrue();
            assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(143);
        }

        List<AuditEntry> entries = runEntries(workspace.url, runId);
        assertThat(entries).as(Files.readString(log)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.RUN_START, AuditAction.RUN_END);
        String stopped = "the process was stopped (SIGTERM or shutdown) before the run ended";
        assertThat(entries.get(1).details()).contains("\"outcome\":\"failed\"", "\"error\":\"" + stopped + "\"");
        assertThat(Files.readAllLines(log)).as(Files.readString(log)).filteredOn(line -> line.startsWith("trex: "))
                .containsExactly("trex: Cannot complete run " + runId + " of " + Workspace.EXTRACT + ": " + stopped);
        assertThat(workspace.published()).isEmpty();
    }

    @Test
    void aSignalWhileTheChecksRunSaysNothingStarted() throws Exception {
        Workspace workspace = approvedWorkspace();
        String runId = UUID.randomUUID().toString();
        Path log = root.resolve("stopped-checking.log");
        try (Connection holder = workspace.url.connect(); Statement sql = holder.createStatement()) {
            holder.setAutoCommit(false);
            // The checks begin by reading the audit log for abandoned runs, and wait here.
            sql.execute("LOCK TABLE trex_governance.audit_log IN ACCESS EXCLUSIVE MODE");
            Process child = Workspace.start(workspace.runArguments("--run-id", runId), log);
            waitFor(child, log, sql, "SELECT count(*) FROM pg_locks WHERE locktype = 'relation' AND NOT granted AND "
                    + "relation = 'trex_governance.audit_log'::regclass");
            child.destroy();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the stopped run exits").isTrue();
            assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(143);
            holder.rollback();
        }

        assertThat(Files.readAllLines(log)).as(Files.readString(log)).filteredOn(line -> line.startsWith("trex: "))
                .containsExactly("trex: Cannot run: the process was stopped (SIGTERM or shutdown) before the run "
                        + "started; nothing was read or published: run the command again");
        assertThat(runEntries(workspace.url, runId)).isEmpty();
        assertThat(workspace.published()).isEmpty();
    }

    private Workspace approvedWorkspace() {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 41);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-STOPPED-STARTING").code()).isEqualTo(ExitCode.OK);
        return workspace;
    }

    /** Waits until {@code waiting} counts a session of the run blocked, the run still alive. */
    private static void waitFor(Process child, Path log, Statement sql, String waiting) throws Exception {
        while (child.isAlive() && single(sql, waiting) == 0) {
            Thread.sleep(50);
        }
        assertThat(child.isAlive()).as("the run ended before it could be stopped: %s", Files.readString(log)).isTrue();
    }

    private static List<AuditEntry> runEntries(DatabaseUrl url, String runId) {
        return new AuditLog(url).list(Optional.empty()).stream().filter(e -> e.runId().equals(Optional.of(runId)))
                .toList();
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getLong(1);
        }
    }
}
