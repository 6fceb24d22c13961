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
import org.trex.spec.Applicability;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A release's register entry, its ledger cells, its project key's binding and its run's successful end are recorded
 * with the publication that runs inside their transaction: when publishing fails, none of them stands, so no
 * deletion notice is issued to an extract that was never published, no later release is checked against cells that
 * were never released, and no key is bound by a run that published nothing.
 */
class ReleaseStandsOnlyWithItsPublicationTest {
    @TempDir
    Path root;

    DatabaseUrl url;
    Release release;

    @BeforeEach
    void release() throws IOException {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        Path people = Files.write(root.resolve("spells.people"), List.of(String.format("%064x", 7) + "\t2"));
        release = new Release("discharge-delays", "run-1", 1, "discharge-evaluation", "0123456789abcdef",
                root.resolve("project.key"), LocalDate.of(2026, 6, 30), Applicability.APPLIES, 30, root.resolve("out"),
                List.of(new ReleasedOutput("spells", ReleaseOutputKind.RECORDS, Optional.of("person"), 2,
                        List.of(people))));
    }

    private static List<DecidedCell> cells() {
        Cell cell = Cell.count(CellKey.of("delays_summary", "discharges", Map.of()),
                new Quantity("discharges", Additivity.EXACT), 40);
        return List.of(new DecidedCell(cell, CellStatus.PUBLISHED, Optional.of(40L), ""));
    }

    private List<String> recorded() {
        return List.of(Sql.strings(url, "SELECT run_id FROM trex_governance.release").toString(),
                Sql.strings(url, "SELECT DISTINCT run_id FROM trex_governance.released_cell").toString(),
                Sql.strings(url, "SELECT key_id FROM trex_governance.project_key").toString(),
                Sql.strings(url, "SELECT action FROM trex_governance.audit_log ORDER BY seq").toString());
    }

    @Test
    void aPublicationThatFailsLeavesNoRecordOfTheRelease() {
        ReleaseRegister register = new ReleaseRegister(url, Clock.systemUTC());

        assertThatThrownBy(() -> register.recordPublished(release, "discharge-evaluation-2025", cells(),
                ReleaseHistory.NONE, "tester", Map.of("outcome", "succeeded"), () -> {
                    throw new IllegalStateException("Cannot publish run-1: the disk is full");
                })).hasMessage("Cannot publish run-1: the disk is full");

        assertThat(recorded()).containsExactly("[]", "[]", "[]", "[]");
    }

    @Test
    void aPublicationThatSucceedsRecordsTheReleaseItsCellsAndItsEnd() {
        new ReleaseRegister(url, Clock.systemUTC()).recordPublished(release, "discharge-evaluation-2025", cells(),
                ReleaseHistory.NONE, "tester", Map.of("outcome", "succeeded"), () -> { });

        assertThat(recorded()).containsExactly("[run-1]", "[run-1]", "[0123456789abcdef]",
                "[KEY_BIND, RUN_END]");
    }
}
