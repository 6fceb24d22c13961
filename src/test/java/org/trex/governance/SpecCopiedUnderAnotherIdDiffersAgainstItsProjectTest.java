package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.Additivity;
import org.trex.disclosure.Cell;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.CellStatus;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.EarlierRelease;
import org.trex.disclosure.Quantity;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * The release ledger an extract differences against holds what every extract of its project released, not only its
 * own runs: a spec copied under another ID (the same outputs over the same people) would otherwise publish, one
 * person later, the cells its original's ledger holds back. Another project's releases are not its history.
 */
class SpecCopiedUnderAnotherIdDiffersAgainstItsProjectTest {
    private static final CellKey CELL = CellKey.of("delays_by_band", "discharges",
            Map.of("delay_band", "0", "age_band", "90+"));

    @Test
    void aCopyUnderAnotherIdSeesItsOriginalsReleases() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        released(url, "delays-aggregates", "run-1", "discharge-evaluation", 119);
        released(url, "other-study", "run-2", "another-project", 60);

        ReleaseLedger ledger = new ReleaseLedger(url);

        assertThat(ledger.history("delays-aggregates-b", "discharge-evaluation").of(CELL))
                .extracting(EarlierRelease::runId).containsExactly("run-1");
        assertThat(ledger.history("delays-aggregates-b", "a-third-project").of(CELL)).isEmpty();
        assertThat(ledger.history("other-study", "another-project").of(CELL)).extracting(EarlierRelease::runId)
                .containsExactly("run-2");
    }

    /** A release of {@code extract} in {@code project} whose one cell was published. */
    private static void released(DatabaseUrl url, String extract, String run, String project, long value)
            throws Exception {
        try (Connection connection = url.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO trex_governance.release"
                        + " (extract_id, run_id, spec_version, project, key_id, key_file, as_of, deletion_days,"
                        + " extract_path, released_at, national_data_opt_out) VALUES (?, ?, 1, ?, '0123456789abcdef',"
                        + " 'project.key', DATE '2026-06-30', 30, 'out', ?, 'APPLIES')")) {
            insert.setString(1, extract);
            insert.setString(2, run);
            insert.setString(3, project);
            insert.setObject(4, OffsetDateTime.parse("2026-07-01T06:00:00Z"));
            insert.executeUpdate();
        }
        Cell cell = Cell.count(CELL, new Quantity("records of inpatient_spell", Additivity.EXACT), value);
        new ReleaseLedger(url).record(extract, 1, run, LocalDate.of(2026, 6, 30), List.of(
                new DecidedCell(cell, CellStatus.PUBLISHED, Optional.of(value / 5 * 5), "")));
    }
}
