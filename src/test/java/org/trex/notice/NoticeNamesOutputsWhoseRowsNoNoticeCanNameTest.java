package org.trex.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.governance.DeletionNotice;
import org.trex.governance.RegisteredPeople;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleasedOutput;
import org.trex.testing.TestingNotices;

/**
 * A records output released without a person column, whose people no other output of its read counted, holds rows the
 * register cannot find a person in: a notice to its release says so, by name, so the TRE does not take the rows it
 * lists for all there are. One whose people the register knows is named only where it holds someone the notice names.
 */
class NoticeNamesOutputsWhoseRowsNoNoticeCanNameTest {
    private static final LocalDate TODAY = TestingNotices.ISSUED_ON;
    private static final ReleasedOutput SPELLS = new ReleasedOutput("spells", ReleaseOutputKind.RECORDS,
            Optional.empty(), 900, List.of());
    private static final ReleasedOutput EVENTS = new ReleasedOutput("social_care_events", ReleaseOutputKind.RECORDS,
            Optional.of("person"), 300, List.of());
    private static final ReleasedOutput BANDS = new ReleasedOutput("delays_by_band", ReleaseOutputKind.AGGREGATE,
            Optional.empty(), 42, List.of());
    private static final String SECTION = "## `spells`: rows no notice can name\n\nIt holds no pseudonym of an NHS"
            + " number, and no other output of its read counted its people, so the release register does not know whom"
            + " it holds: TREx cannot tell whether it holds rows of the people this notice names, nor which. With the"
            + " extract's owner, decide whether to delete the whole output from every copy (`trex plan` warns of such"
            + " an output before a board approves it).\n\n";

    @Test
    void theOutputWithoutAPersonColumnIsNamedBesideTheRowsToDelete() {
        DeletionNotice notice = notice(List.of(SPELLS, EVENTS, BANDS), EVENTS);

        JsonNode json = NoticeFiles.json(notice, TODAY);

        assertThat(NoticeFiles.markdown(notice, TODAY)).contains("Delete their rows below from every copy")
                .contains(SECTION).contains("## Delete from `social_care_events` (rows whose `person` is)");
        assertThat(json.get("peopleUnknown")).extracting(JsonNode::asText).containsExactly("spells");
        assertThat(json.get("delete")).extracting(node -> node.get("output").asText())
                .containsExactly("social_care_events");
    }

    @Test
    void aNoticeOfAggregatesDoesNotSayTheExtractHoldsNoRowOfTheirs() {
        DeletionNotice notice = notice(List.of(SPELLS, BANDS), BANDS);

        assertThat(NoticeFiles.markdown(notice, TODAY)).contains("The extract holds no row of theirs that TREx can"
                + " name (but see below): they were counted in its aggregates").contains(SECTION)
                .doesNotContain("holds no row of theirs to delete");
    }

    @Test
    void aReleaseWhoseRecordsAllHoldAPersonColumnHasNoSuchSection() {
        DeletionNotice notice = notice(List.of(EVENTS, BANDS), EVENTS);

        assertThat(NoticeFiles.markdown(notice, TODAY)).doesNotContain("rows no notice can name");
        assertThat(NoticeFiles.json(notice, TODAY).has("peopleUnknown")).isFalse();
    }

    @Test
    void anOutputWithoutAPersonColumnWhosePeopleAreKnownAndHoldNoneOfThemIsNotNamed() {
        ReleasedOutput known = new ReleasedOutput("spells", ReleaseOutputKind.RECORDS, Optional.empty(), 900,
                List.of(), RegisteredPeople.KNOWN);
        DeletionNotice notice = notice(List.of(known, EVENTS, BANDS), EVENTS);

        assertThat(NoticeFiles.markdown(notice, TODAY)).doesNotContain("`spells`");
        assertThat(NoticeFiles.json(notice, TODAY).has("peopleUnknown")).isFalse();
    }

    private static DeletionNotice notice(List<ReleasedOutput> outputs, ReleasedOutput holding) {
        return TestingNotices.open("DN-000003", "discharge-delays", "a36cb31b-0000-4000-8000-000000000002", outputs,
                holding, "cd".repeat(32));
    }
}
