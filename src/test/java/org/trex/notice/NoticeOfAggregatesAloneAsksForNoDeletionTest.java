package org.trex.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.governance.DeletionNotice;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleasedOutput;
import org.trex.testing.TestingNotices;

/**
 * A deletion notice to an extract of aggregates alone says there is no row to delete (its counts cannot be recalled,
 * and the next release needs a differencing review) rather than asking for rows that are not there; a notice to an
 * extract with record-level rows of the person asks for them by the due date. Nor is a copy of it checked for rows.
 */
class NoticeOfAggregatesAloneAsksForNoDeletionTest {
    private static final LocalDate TODAY = TestingNotices.ISSUED_ON;
    private static final String PSEUDONYM = "ab".repeat(32);

    @Test
    void aggregatesAloneHoldNoRowToDelete() {
        DeletionNotice notice = notice(new ReleasedOutput("delays_by_band", ReleaseOutputKind.AGGREGATE,
                Optional.empty(), 42, List.of()));

        assertThat(NoticeFiles.rowsToDelete(notice)).isFalse();
        assertThat(NoticeFiles.markdown(notice, TODAY)).contains("1 person(s) objected to the use of their NHS number"
                + " after extract `delays-aggregates` was released. The extract holds no row of theirs to delete: they"
                + " were counted in its aggregates, which cannot be recalled. Record that the notice was read: `trex"
                + " objections ack DN-000002 --by NAME`.")
                .contains("1 of the people this notice names were counted in it.")
                .doesNotContain("Delete their rows");
    }

    @Test
    void aNoticeOfAggregatesAloneIsDoneWithoutACopy(@TempDir Path copy) {
        DeletionNotice notice = notice(new ReleasedOutput("delays_by_band", ReleaseOutputKind.AGGREGATE,
                Optional.empty(), 42, List.of()));
        DeletionNotice done = new DeletionNotice(notice.id(), notice.release(), notice.issuedAt(), notice.asOf(),
                notice.dueOn(), Optional.of(Instant.parse("2026-07-07T09:00:00Z")), Optional.of("TRE operator"),
                List.of(), notice.people());

        assertThat(done.evidence()).contains("read: it named no row to delete");

        assertThatThrownBy(() -> CopyCheck.check(notice, copy)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot acknowledge DN-000002: it names no row to delete (its people were counted in"
                        + " aggregates alone), so there is nothing to check in copy " + copy + "; acknowledge it"
                        + " without --copy");
    }

    @Test
    void recordsHoldingThePersonAreToBeDeleted() {
        DeletionNotice notice = notice(new ReleasedOutput("spells", ReleaseOutputKind.RECORDS,
                Optional.of("person"), 900, List.of()));

        assertThat(NoticeFiles.rowsToDelete(notice)).isTrue();
        assertThat(NoticeFiles.markdown(notice, TODAY)).contains("Delete their rows below from every copy of the"
                + " extract in the TRE by **2026-08-05**").contains("| `" + PSEUDONYM + "` | 1 |");
    }

    private static DeletionNotice notice(ReleasedOutput output) {
        return TestingNotices.open("DN-000002", "delays-aggregates", "a36cb31b-0000-4000-8000-000000000001",
                List.of(output), output, PSEUDONYM);
    }
}
