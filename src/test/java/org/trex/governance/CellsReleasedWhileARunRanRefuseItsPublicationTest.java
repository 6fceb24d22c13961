package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.disclosure.Additivity;
import org.trex.disclosure.Cell;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.CellStatus;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.ReleaseHistory;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * Two runs of an extract at once (an Airflow backfill of several dates, a scheduled run beside a manual one) each
 * check their cells against the release ledger as they start, without the other's: the second to publish would
 * release cells differing from the first's by the few people differencing protects. It is refused in its publishing
 * transaction, publishing and recording nothing; run again, it is checked against the first's cells.
 */
class CellsReleasedWhileARunRanRefuseItsPublicationTest {
    private static final String KEY_NAME = "discharge-evaluation-2025";
    private static final CellKey DISCHARGES = CellKey.of("delays_by_band", "discharges", Map.of("delay_band", "0"));

    @TempDir
    Path root;

    DatabaseUrl url;
    Path people;
    ReleaseLedger ledger;

    @BeforeEach
    void database() throws IOException {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        people = Files.write(root.resolve("spells.people"), List.of(String.format("%064x", 7) + "\t2"));
        ledger = new ReleaseLedger(url);
    }

    private static List<DecidedCell> discharges(long value) {
        Cell cell = Cell.count(DISCHARGES, new Quantity("discharges", Additivity.EXACT), value);
        return List.of(new DecidedCell(cell, CellStatus.PUBLISHED, Optional.of(value), ""));
    }

    private void publish(String runId, List<DecidedCell> cells, ReleaseHistory checkedAgainst, Runnable publishing) {
        new ReleaseRegister(url, Clock.systemUTC()).recordPublished(
                TestingReleases.of(runId, LocalDate.of(2026, 6, 30), root, people), KEY_NAME, cells, checkedAgainst,
                "tester", Map.of("outcome", "succeeded"), publishing);
    }

    @Test
    void theSecondOfTwoRunsCheckedAgainstTheSameLedgerPublishesNothing() {
        ReleaseHistory readByBoth = ledger.history(TestingReleases.EXTRACT, "discharge-evaluation");
        publish("run-1", discharges(40), readByBoth, () -> { });
        AtomicBoolean renamed = new AtomicBoolean();

        assertThatThrownBy(() -> publish("run-2", discharges(43), readByBoth, () -> renamed.set(true)))
                .hasMessage("Cannot publish run run-2 of discharge-delays: run run-1 of project discharge-evaluation"
                        + " released aggregate cells while it ran, after it checked its cells against the release"
                        + " ledger; run it again, so that its cells are checked against that release's");

        assertThat(renamed).as("the extract renamed into place").isFalse();
        assertThat(Sql.strings(url, "SELECT run_id FROM trex_governance.release")).containsExactly("run-1");
        assertThat(Sql.strings(url, "SELECT DISTINCT run_id FROM trex_governance.released_cell"))
                .containsExactly("run-1");
        assertThat(ledger.history(TestingReleases.EXTRACT, "discharge-evaluation").of(DISCHARGES))
                .extracting(e -> e.runId() + "=" + e.value()).containsExactly("run-1=40");
    }

    @Test
    void aRunCheckedAgainstTheFirstsCellsPublishes() {
        publish("run-1", discharges(40), ReleaseHistory.NONE, () -> { });

        publish("run-2", discharges(43), ledger.history(TestingReleases.EXTRACT, "discharge-evaluation"), () -> { });

        assertThat(Sql.strings(url, "SELECT run_id FROM trex_governance.release ORDER BY id"))
                .containsExactly("run-1", "run-2");
    }

    @Test
    void aRunReleasingNoCellsIsNotHeldBackByAnothersCells() {
        publish("run-1", discharges(40), ReleaseHistory.NONE, () -> { });

        publish("run-2", List.of(), ReleaseHistory.NONE, () -> { });

        assertThat(Sql.strings(url, "SELECT run_id FROM trex_governance.release ORDER BY id"))
                .containsExactly("run-1", "run-2");
    }
}
