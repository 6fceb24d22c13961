package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.trex.run.FailedRunLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * SIGTERM (a scheduler's timeout) that comes while a run is publishing waits for the publication, which stands: the
 * line the process prints says the run was published and recorded, not that it could not complete, so the operator
 * neither runs it again nor withholds an extract the records hold as released. The process still exits 143.
 */
class RunStoppedWhilePublishingSaysItWasPublishedTest {
    @TempDir
    Path root;

    @Test
    void aRunStoppedBetweenItsRenameAndItsCommitIsToldAsPublished() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 37);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-STOPPED-PUBLISHING").code()).isEqualTo(ExitCode.OK);
        // The commit of the successful end waits, after the rename ran inside its transaction, long enough for the
        // signal to come in between.
        Sql.execute(url, "CREATE FUNCTION trex_governance.commit_waits() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.action = 'RUN_END' AND NEW.details->>'outcome' = 'succeeded' THEN "
                + "PERFORM pg_sleep(8); END IF; RETURN NULL; END $$");
        Sql.execute(url, "CREATE CONSTRAINT TRIGGER commit_waits AFTER INSERT ON trex_governance.audit_log "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION trex_governance.commit_waits()");
        String runId = UUID.randomUUID().toString();
        Path extract = workspace.out.resolve(Workspace.EXTRACT).resolve(runId);
        Path log = root.resolve("stopped-publishing.log");

        Process child = Workspace.start(workspace.runArguments("--run-id", runId), log);
        while (!Files.isDirectory(extract) && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the run ended before it could be stopped: %s", Files.readString(log)).isTrue();
        child.destroy();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the stopped run exits").isTrue();

        assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(143);
        assertThat(extract).isDirectory();
        assertThat(extract.resolveSibling(FailedRunLog.FOLDER).resolve(runId + ".ndjson")).doesNotExist();
        List<AuditEntry> ends = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.RUN_END && e.runId().equals(Optional.of(runId))).toList();
        assertThat(ends).singleElement().satisfies(e -> assertThat(e.details()).contains("\"outcome\":\"succeeded\""));
        assertThat(Files.readAllLines(log)).as(Files.readString(log)).filteredOn(line -> line.startsWith("trex: "))
                .containsExactly("trex: Published run " + runId + " of " + Workspace.EXTRACT + " (" + extract
                        + ") and recorded its end before the process was stopped (SIGTERM or shutdown); the extract"
                        + " stands");
        Workspace.Result verified = Workspace.trex("verify", extract.toString(), "--database-url", url.jdbcUrl());
        assertThat(verified.out()).as(verified.all())
                .contains("State: published and recorded (the audit log has this run's successful end)");
    }
}
