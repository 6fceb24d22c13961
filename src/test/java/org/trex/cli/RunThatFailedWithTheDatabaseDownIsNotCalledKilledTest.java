package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
import org.trex.lineage.LineageLog;
import org.trex.run.FailedRunLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A run that fails while its database is unreachable cannot record its end in the audit log, only its FAIL event. The
 * process that later finds it without an end records it as abandoned with the failure its FAIL event gives, and does
 * not say it was killed: an IG officer reading {@code trex audit} is told what happened.
 */
class RunThatFailedWithTheDatabaseDownIsNotCalledKilledTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void theAbandonedEntryCitesTheFailEvent() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 43);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-DATABASE-DOWN").code()).isEqualTo(ExitCode.OK);
        String runId = UUID.randomUUID().toString();
        Path staging = workspace.out.resolve(Workspace.EXTRACT).resolve(".staging-" + runId);
        Path log = root.resolve("database-down.log");

        String database;
        try (Connection connection = url.connect()) {
            database = connection.getCatalog();
        }
        // The server's own database, from which the test's can be closed to every session.
        DatabaseUrl server = new DatabaseUrl(url.jdbcUrl().replace("/" + database, "/postgres"));

        Process child = Workspace.start(workspace.runArguments("--run-id", runId), log);
        try (Connection connection = server.connect(); Statement sql = connection.createStatement()) {
            while (!Files.isDirectory(staging) && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the run ended before its database went: %s", Files.readString(log))
                    .isTrue();
            // The database goes away for the run: its sessions ended, no new one let in, as a server that stopped.
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the failed run exits").isTrue();
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        assertThat(child.exitValue()).as(Files.readString(log)).isNotZero().isNotEqualTo(143);
        assertThat(Files.readAllLines(log)).as(Files.readString(log)).filteredOn(line -> line.startsWith("trex: "))
                .singleElement().asString().startsWith("trex: Cannot complete run " + runId + " of "
                        + Workspace.EXTRACT + ": ");
        Path failEvent = workspace.out.resolve(Workspace.EXTRACT).resolve(FailedRunLog.FOLDER)
                .resolve(runId + ".ndjson");
        JsonNode fail = LineageLog.read(failEvent).stream().filter(e -> e.path("eventType").asText().equals("FAIL"))
                .findFirst().orElseThrow();
        String error = fail.path("run").path("facets").path("errorMessage").path("message").asText();
        assertThat(runEntries(url, runId)).as("the run could not record its end").extracting(AuditEntry::action)
                .containsExactly(AuditAction.RUN_START);

        Workspace.Result audit = Workspace.trex("audit", "--database-url", url.jdbcUrl());

        List<AuditEntry> entries = runEntries(url, runId);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly(AuditAction.RUN_START, AuditAction.RUN_ABANDONED);
        JsonNode details = JSON.readTree(entries.get(1).details());
        assertThat(details.path("reason").asText()).isEqualTo("the run failed, and its process ended without "
                + "recording its end in the audit log (the governance database could not take it); its FAIL event "
                + "gives the failure").doesNotContain("killed");
        assertThat(details.path("error").asText()).isEqualTo(error);
        assertThat(details.path("failedAt").asText()).isEqualTo(fail.path("eventTime").asText());
        assertThat(details.path("failEvent").asText()).isEqualTo(failEvent.toAbsolutePath().normalize().toString());
        assertThat(audit.out()).as(audit.all()).contains("Recorded run " + runId + " of " + Workspace.EXTRACT
                + " as abandoned (audit entry " + entries.get(1).seq() + "): its process ended without recording its "
                + "end (it failed at " + fail.path("eventTime").asText() + ": " + error + ")");
        assertThat(new AuditLog(url).verify()).as("the chain still holds").isEmpty();
    }

    private static List<AuditEntry> runEntries(DatabaseUrl url, String runId) {
        return new AuditLog(url).list(Optional.empty()).stream().filter(e -> e.runId().equals(Optional.of(runId)))
                .toList();
    }
}
