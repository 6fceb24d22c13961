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
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A run killed (kill -9, a power cut) after renaming its extract into place and before committing the transaction
 * that records it leaves an extract no release stands for, which no deletion notice would ever reach. The extract's
 * next run, having recorded the dead run as abandoned, withdraws it and says so; its own extract is published.
 */
class ExtractLeftUnrecordedByAKilledRunIsWithdrawnTest {
    @TempDir
    Path root;

    @Test
    void theNextRunWithdrawsTheExtractOfARunKilledBeforeItsCommit() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 41);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-KILLED-PUBLISHING").code()).isEqualTo(ExitCode.OK);
        // The commit of the successful end waits, after the rename ran inside its transaction, so the process can be
        // killed in between; the server then ends the transaction unfinished, as it does a dead client's.
        Sql.execute(url, "CREATE FUNCTION trex_governance.commit_waits() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.action = 'RUN_END' AND NEW.details->>'outcome' = 'succeeded' THEN "
                + "PERFORM pg_sleep(600); END IF; RETURN NULL; END $$");
        Sql.execute(url, "CREATE CONSTRAINT TRIGGER commit_waits AFTER INSERT ON trex_governance.audit_log "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION trex_governance.commit_waits()");
        String killed = UUID.randomUUID().toString();
        Path unrecorded = workspace.out.resolve(Workspace.EXTRACT).resolve(killed);
        Path log = root.resolve("killed.log");
        Process child = Workspace.start(workspace.runArguments("--run-id", killed), log);
        while (!Files.isDirectory(unrecorded) && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the run ended before it could be killed: %s", Files.readString(log)).isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Sql.execute(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep'");
        Sql.execute(url, "DROP TRIGGER commit_waits ON trex_governance.audit_log");
        Workspace.Result before = Workspace.trex("verify", unrecorded.toString(), "--database-url", url.jdbcUrl());
        assertThat(before.out()).as(before.all())
                .contains("State: published but not recorded (the audit log has no successful end of run " + killed);

        Path rerunLog = root.resolve("rerun.log");
        Process rerun = Workspace.start(workspace.runArguments(), rerunLog);
        assertThat(rerun.waitFor(300, TimeUnit.SECONDS)).isTrue();

        assertThat(rerun.exitValue()).as(Files.readString(rerunLog)).isEqualTo(ExitCode.OK);
        long abandonedSeq = new AuditLog(url).list(AuditAction.RUN_ABANDONED).stream()
                .filter(e -> e.runId().equals(Optional.of(killed))).map(AuditEntry::seq).findFirst().orElseThrow();
        assertThat(Files.readString(rerunLog)).contains("WARN  ExtractRunner - Withdrew " + unrecorded + ": run "
                + killed + " renamed it into place and ended before recording it (audit entry " + abandonedSeq
                + " records it abandoned), so no release stands for it");
        assertThat(unrecorded).doesNotExist();
        assertThat(unrecorded.resolveSibling(".staging-" + killed)).doesNotExist();
        List<Path> published = workspace.published();
        assertThat(published).singleElement().satisfies(p -> assertThat(Sql.strings(url,
                "SELECT run_id FROM trex_governance.release")).containsExactly(p.getFileName().toString()));
    }
}
