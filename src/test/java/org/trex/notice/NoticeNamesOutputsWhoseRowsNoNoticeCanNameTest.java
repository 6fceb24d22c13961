package org.trex.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.governance.DeletionNotice;
import org.trex.governance.NoticedPerson;
import org.trex.governance.Release;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;
import org.trex.spec.Applicability;

/**
 * A records output released without a person column holds rows the register cannot find a person in: a notice to its
 * release says so, by name, so the TRE does not take the rows it lists for all there are.
 */
class NoticeNamesOutputsWhoseRowsNoNoticeCanNameTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 6);
    private static final String PSEUDONYM = "cd".repeat(32);
    private static final ReleasedOutput SPELLS = new ReleasedOutput("spells", ReleaseOutputKind.RECORDS,
            Optional.empty(), 900, List.of());
    private static final ReleasedOutput EVENTS = new ReleasedOutput("social_care_events", ReleaseOutputKind.RECORDS,
            Optional.of("person"), 300, List.of());
    private static final ReleasedOutput BANDS = new ReleasedOutput("delays_by_band", ReleaseOutputKind.AGGREGATE,
            Optional.empty(), 42, List.of());
    private static final String SECTION = "## `spells`: rows no notice can name\n\nIt holds no pseudonym of an NHS"
            + " number, by which the release register finds a person's rows, so TREx cannot tell whether it holds rows"
            + " of the people this notice names, nor which: with the extract's owner, decide whether to delete the"
            + " whole output from every copy (`trex plan` warns of such an output before a board approves it).\n\n";

    @Test
    void theOutputWithoutAPersonColumnIsNamedBesideTheRowsToDelete() {
        DeletionNotice notice = notice(List.of(SPELLS, EVENTS, BANDS), EVENTS);

        JsonNode json = NoticeFiles.json(notice, TODAY);

        assertThat(NoticeFiles.markdown(notice, TODAY)).contains("Delete their rows below from every copy")
                .contains(SECTION).contains("## Delete from `social_care_events` (rows whose `person` is)");
        assertThat(json.get("withoutPersonColumn")).extracting(JsonNode::asText).containsExactly("spells");
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
        assertThat(NoticeFiles.json(notice, TODAY).has("withoutPersonColumn")).isFalse();
    }

    private static DeletionNotice notice(List<ReleasedOutput> outputs, ReleasedOutput holding) {
        Release release = new Release("discharge-delays", "a36cb31b-0000-4000-8000-000000000002", 1,
                "discharge-evaluation", "0123456789abcdef", Path.of("keys/discharge.key"), LocalDate.of(2026, 6, 30),
                Applicability.APPLIES, 30, Path.of("out/discharge-delays/run"), outputs);
        NoticedPerson person = new NoticedPerson(PSEUDONYM, "local objection", List.of(
                new ReleaseRegister.Holding(PSEUDONYM, holding.name(), holding.kind(), 2)));
        return new DeletionNotice("DN-000003", new ReleaseRegister.Registered(1, Instant.parse(
                "2026-07-01T06:00:00Z"), release), Instant.parse("2026-07-06T09:00:00Z"), TODAY,
                TODAY.plusDays(30), Optional.empty(), Optional.empty(), List.of(), List.of(person));
    }
}
