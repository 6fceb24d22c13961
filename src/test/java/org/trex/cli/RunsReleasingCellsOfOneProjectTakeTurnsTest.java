package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.disclosure.Additivity;
import org.trex.disclosure.Cell;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.CellStatus;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.ReleaseHistory;
import org.trex.generate.SyntheticData;
import org.trex.governance.LiveRuns;
import org.trex.governance.Release;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;
import org.trex.governance.RunLock;
import org.trex.governance.TurnWait;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.spec.Applicability;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * Two runs that release aggregate cells of one project at once (an Airflow backfill, a scheduled run beside a manual
 * one) take turns at the release ledger: the second waits until the first has published, then reads the
 * ledger with the first's cells in it and publishes, differenced against them. Before, it read the ledger as it
 * started, without the first's cells, and was refused at publishing after doing all its work.
 */
class RunsReleasingCellsOfOneProjectTakeTurnsTest {
    private static final String PROJECT = "discharge-evaluation";
    private static final String FIRST = "run-with-the-turn";

    @TempDir
    Path root;

    @Test
    void theSecondRunWaitsForTheFirstToPublishAndIsDifferencedAgainstIt() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 37);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-TURNS").code()).isEqualTo(ExitCode.OK);
        String second = UUID.randomUUID().toString();

        Path log = root.resolve("second.log");
        Process run;
        try (RunLock first = new LiveRuns(url, Clock.systemUTC()).hold(Workspace.EXTRACT, FIRST)) {
            first.takeLedgerTurn(Workspace.EXTRACT, PROJECT, TurnWait.DEFAULT, (holder, waited) -> { });
            // A process of its own, as a scheduler starts one: a second run in this JVM would share its Spark.
            run = Workspace.start(workspace.runArguments("--run-id", second), log);
            awaitWaiting(url, run, log);
            publishCells(url, workspace);
            // Closing the first run's lock, as its process does once its end is recorded, gives the turn on.
            first.close();
            assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("the second run ends").isTrue();
        }

        String said = Files.readString(log);
        assertThat(run.exitValue()).as(said).isEqualTo(ExitCode.OK);
        assertThat(said).contains("Waiting for another run of extract discharge-delays or project discharge-evaluation"
                + " to end: runs that release aggregate cells of extract discharge-delays or project"
                + " discharge-evaluation take turns at the release ledger, each differenced against the one before"
                + " (0 min waited, at most 1h)");
        assertThat(Sql.strings(url, "SELECT run_id FROM trex_governance.release ORDER BY id"))
                .containsExactly(FIRST, second);
    }

    /** Until the run waits for an advisory lock another session holds; it must not have ended first. */
    private static void awaitWaiting(DatabaseUrl url, Process run, Path log) throws Exception {
        try (Connection connection = url.connect(); Statement sql = connection.createStatement()) {
            while (run.isAlive() && waiting(sql) == 0) {
                Thread.sleep(50);
            }
        }
        assertThat(run.isAlive()).as("the run ended without waiting: %s", Files.readString(log)).isTrue();
    }

    private static long waiting(Statement sql) throws Exception {
        try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT "
                + "granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** What the first run releases: a cell of the extract's aggregate, in the ledger, under the project's key. */
    private void publishCells(DatabaseUrl url, Workspace workspace) throws Exception {
        Path people = Files.write(root.resolve("first.people"), List.of(String.format("%064x", 7) + "\t1"));
        Release release = new Release(Workspace.EXTRACT, FIRST, 1, PROJECT,
                PseudonymKey.fromHex(Workspace.KEY_HEX, "test").id(), workspace.key, Workspace.AS_OF,
                Applicability.APPLIES, 30, root.resolve("first"), List.of(new ReleasedOutput("delays_by_band",
                        ReleaseOutputKind.AGGREGATE, Optional.empty(), 1, List.of(people))));
        Cell cell = Cell.count(CellKey.of("delays_by_band", "discharges", Map.of("delay_band", "0")),
                new Quantity("discharges", Additivity.EXACT), 40);
        new ReleaseRegister(url, Clock.systemUTC()).recordPublished(release, "discharge-evaluation-2025",
                List.of(new DecidedCell(cell, CellStatus.PUBLISHED, Optional.of(40L), "")), ReleaseHistory.NONE,
                "tester", Map.of("outcome", "succeeded"), () -> { });
    }
}
