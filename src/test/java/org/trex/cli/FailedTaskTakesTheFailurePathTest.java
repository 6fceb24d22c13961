package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trex.testing.TestingBoard;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.run.FailedRunLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A failure inside a Spark task (Spark's checked {@code SparkException} at the driver) takes the one failure path:
 * staging removed, a FAIL event, a failed run end in the audit log, one {@code Cannot ...} line and exit 1; under
 * {@code run --due} the period is marked failed, the next due extract still runs, and the exit code is 5.
 */
class FailedTaskTakesTheFailurePathTest {
    @TempDir
    Path root;

    @Test
    void aFailedTaskEndsTheRunCleanlyAndTheOtherDueExtractsStillRun() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 23);
        readyAfterDischarge(url);
        Workspace workspace = Workspace.create(root, url);
        Path reablement = workspace.spec.resolveSibling("reablement-ascof-2d.yaml");
        Files.writeString(reablement, Files.readString(Path.of("extracts/reablement-ascof-2d.yaml"))
                + "schedule: \"0 6 1 * *\"\n");
        assertThat(workspace.approve("IGB-DELAYS").code()).isEqualTo(ExitCode.OK);
        for (String member : List.of(TestingBoard.CHAIR, TestingBoard.GUARDIAN)) {
            Result approved = Workspace.trex("approve", reablement.toString(), "--sign-with",
                    workspace.board.keyFile(member).toString(), "--reference", "IGB-REABLEMENT", "--database-url",
                    url.jdbcUrl());
            assertThat(approved.code()).as(approved.all()).isEqualTo(ExitCode.OK);
        }
        // A spec whose schedule never fires is reported, and stops none of the others.
        Files.writeString(workspace.spec.resolveSibling("never.yaml"), Files.readString(workspace.spec)
                .replace("id: discharge-delays", "id: never")
                .replace("schedule: \"0 6 1 * *\"", "schedule: \"0 6 31 2 *\""));
        String runId = UUID.randomUUID().toString();

        Result run = workspace.run("--run-id", runId);

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err().lines().toList()).as(run.err()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("trex: Cannot complete run " + runId + " of discharge-delays: ")
                .contains("Cannot band a negative delay: a delay is 0 days or more")
                .doesNotContain(" days:"));
        Path extractRoot = workspace.out.resolve(Workspace.EXTRACT);
        try (var children = Files.list(extractRoot)) {
            assertThat(children.map(p -> p.getFileName().toString())).as("no staging left")
                    .containsExactly(FailedRunLog.FOLDER);
        }
        Path failed = extractRoot.resolve(FailedRunLog.FOLDER).resolve(runId + ".ndjson");
        assertThat(Files.readString(failed)).contains("\"eventType\":\"FAIL\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(failed.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(failed))).isEqualTo("rw-------");
        List<AuditEntry> ends = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.RUN_END && e.runId().equals(Optional.of(runId))).toList();
        assertThat(ends).singleElement().satisfies(e -> assertThat(e.details()).contains("\"outcome\":\"failed\""));

        Path log = root.resolve("due.log");
        Process due = Workspace.start(List.of("run", "--due", "--as-of", Workspace.AS_OF.toString(), "--specs",
                workspace.spec.getParent().toString(), "--out", workspace.out.toString(), "--master", "local[2]",
                "--partitions", "2", "--key-file", workspace.key.toString(), "--database-url", url.jdbcUrl()), log);
        int code = due.waitFor();

        String printed = Files.readString(log);
        assertThat(code).as(printed).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(printed).as("no stack trace without TREX_DEBUG=1").doesNotContain("\tat ")
                .contains("Cannot use schedule '0 6 31 2 *': it never fires");
        assertThat(periods(url)).containsExactlyInAnyOrder("discharge-delays FAILED", "reablement-ascof-2d SUCCEEDED");
    }

    /** Source data no task can shape: every discharge ready date after its discharge, so each delay is negative. */
    private static void readyAfterDischarge(DatabaseUrl url) throws Exception {
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DO $$ DECLARE c text; BEGIN FOR c IN SELECT conname FROM pg_constraint "
                    + "WHERE conrelid = 'health.inpatient_spell'::regclass AND contype = 'c' "
                    + "AND pg_get_constraintdef(oid) LIKE '%discharge_ready_date%' LOOP "
                    + "EXECUTE format('ALTER TABLE health.inpatient_spell DROP CONSTRAINT %I', c); END LOOP; END $$");
            statement.execute("UPDATE health.inpatient_spell SET discharge_ready_date = discharge_date + 3 "
                    + "WHERE discharge_date IS NOT NULL");
        }
    }

    private static List<String> periods(DatabaseUrl url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = url.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT extract_id, status FROM trex_governance.scheduled_run")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
