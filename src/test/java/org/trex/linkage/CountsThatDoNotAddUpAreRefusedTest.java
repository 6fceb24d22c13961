package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Disclosure control of the section reads its wholes off any dimension's groups, relates the trace outcomes to the
 * NHS-number checks of the same council records, and shows a reason no linked event can have as none in a council
 * record's groups: counts for which those do not hold are refused, saying which.
 */
class CountsThatDoNotAddUpAreRefusedTest {
    private static final Label OPT_OUT = new Label("national_data_opt_out", "National data opt-out");
    private static final List<Label> DIMENSIONS = List.of(new Label("age_band", "Age band"), new Label("sex", "Sex"));

    @Test
    void aDimensionWhoseGroupsHoldOtherThanTheCohortIsRefused() {
        assertThatThrownBy(() -> new LinkageCounts(List.of(), List.of(), 12, 10, List.of(OPT_OUT), DIMENSIONS,
                Set.of(), groups(), List.of()))
                .hasMessage("Cannot count dimension age_band: its groups hold 10 index events, 2 left out and 5 not"
                        + " linked, expected 12 events, 2 not linked and the same left out in every dimension");
    }

    @Test
    void traceOutcomesOfOtherRecordsThanTheNumberChecksAreRefused() {
        assertThatThrownBy(() -> new LinkageCounts(List.of(new Tally(new Label("matched", "Matched"), 40)),
                List.of(new Tally(new Label("valid", "Valid"), 41)), 10, 5, List.of(OPT_OUT), DIMENSIONS, Set.of(),
                groups(), List.of()))
                .hasMessage("Cannot count council records: 40 by trace outcome and 41 by NHS-number validity,"
                        + " expected the same records");
    }

    @Test
    void eventsInNoDimensionAreRefused() {
        assertThatThrownBy(() -> new LinkageCounts(List.of(), List.of(), 10, 5, List.of(OPT_OUT), List.of(),
                Set.of(), List.of(), List.of()))
                .hasMessage("Cannot count 10 index events in no dimension: the section's counts of those included"
                        + " and left out are read off its groups");
    }

    @Test
    void aLinkedEventLeftOutForAReasonNoLinkedEventCanHaveIsRefused() {
        List<Label> withClientType = List.of(new Label("age_band", "Age band"), new Label("client_type", "Client"));
        GroupTally tally = new GroupTally(withClientType);
        tally.add(List.of("85+", "Service user"), Optional.of(OPT_OUT.code()), GroupTally.Link.LINKED);

        assertThatThrownBy(() -> new LinkageCounts(List.of(), List.of(), 1, 1, List.of(OPT_OUT), withClientType,
                Set.of("client_type"), tally.groups(), List.of(), Set.of(OPT_OUT.code())))
                .hasMessage("Cannot count group client_type=Service user: it holds events of a council record left out"
                        + " for national_data_opt_out, which only an event that links to none can be");
    }

    /** 10 events, 2 left out, 5 not linked, by age band and sex. */
    private static List<GroupCount> groups() {
        GroupTally tally = new GroupTally(DIMENSIONS);
        for (int i = 0; i < 10; i++) {
            tally.add(List.of(i < 4 ? "85+" : "65-74", i % 2 == 0 ? "Female" : "Male"),
                    i < 2 ? Optional.of(OPT_OUT.code()) : Optional.empty(),
                    i % 2 == 0 ? GroupTally.Link.LINKED : GroupTally.Link.NOT_LINKED);
        }
        return tally.groups();
    }
}
