package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
import org.trex.run.FailedRunLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * The rename that publishes an extract and the records of it (the audit entry, the release register's entry of whom
 * it holds, the release ledger's cells) are one decision: when they cannot be committed after the rename (the
 * database goes away at that moment), the extract is withdrawn with all of them, and the run fails as any run does.
 * {@code verify} says whether a published extract is recorded.
 */
class PublicationAndItsRecordAreOneDecisionTest {
    @TempDir
    Path root;

    @Test
    void anExtractWhoseRecordCannotBeCommittedIsWithdrawn() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 29);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-ONE-STEP").code()).isEqualTo(ExitCode.OK);
        // A deferred check fails the commit of the successful end, after the rename ran inside its transaction.
        sql(url, "CREATE FUNCTION trex_governance.commit_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.action = 'RUN_END' AND NEW.details->>'outcome' = 'succeeded' THEN "
                + "RAISE EXCEPTION 'connection lost'; END IF; RETURN NULL; END $$");
        sql(url, "CREATE CONSTRAINT TRIGGER commit_fails AFTER INSERT ON trex_governance.audit_log "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION trex_governance.commit_fails()");
        String runId = UUID.randomUUID().toString();

        Result refused = workspace.run("--run-id", runId);

        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(refused.err()).startsWith("trex: Cannot complete run " + runId + " of discharge-delays: "
                + "Cannot record the release of run " + runId + " of discharge-delays in ");
        assertThat(workspace.published()).as("the withdrawn extract").isEmpty();
        try (var children = Files.list(workspace.out.resolve(Workspace.EXTRACT))) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactly(FailedRunLog.FOLDER);
        }
        List<AuditEntry> ends = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.RUN_END && e.runId().equals(Optional.of(runId))).toList();
        assertThat(ends).singleElement().satisfies(e -> assertThat(e.details()).contains("\"outcome\":\"failed\""));
        // The release and the cells it would have released went with the extract: no deletion notice will be issued
        // to it, and no later release is checked for differences against it.
        assertThat(Sql.strings(url, "SELECT run_id FROM trex_governance.release")).isEmpty();
        assertThat(Sql.strings(url, "SELECT DISTINCT run_id FROM trex_governance.released_cell")).isEmpty();

        sql(url, "DROP TRIGGER commit_fails ON trex_governance.audit_log");
        assertThat(workspace.run().code()).isEqualTo(ExitCode.OK);
        Path published = workspace.published().get(0);

        Result recorded = Workspace.trex("verify", published.toString(), "--database-url", url.jdbcUrl());
        DatabaseUrl elsewhere = TestDatabase.fresh();
        Result unrecorded = Workspace.trex("verify", published.toString(), "--database-url", url.jdbcUrl(),
                "--governance-url", elsewhere.jdbcUrl());

        assertThat(recorded.out()).as(recorded.all())
                .contains("State: published and recorded (the audit log has this run's successful end)");
        assertThat(unrecorded.code()).isEqualTo(ExitCode.FAILURE);
        assertThat(unrecorded.out())
                .contains("State: published but not recorded (the audit log has no successful end of run ");
    }

    private static void sql(DatabaseUrl url, String statement) throws Exception {
        try (Connection connection = url.connect(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
