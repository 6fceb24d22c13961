package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.Interval;
import org.trex.disclosure.SmallCounts;
import org.trex.spec.ZeroCounts;

/**
 * What the section shows of the index events included in some of its groups: each group's row shows them rounded,
 * and its events and those left out rounded too, so an attacker reads them as narrowly as the three readings allow
 * together; a group the section does not list has none.
 */
class IncludedEventsAreReadOffTheShownCountsTest {
    private static final Label OPT_OUT = new Label("national_data_opt_out", "National data opt-out");
    private static final List<Label> AGE = List.of(new Label("age_band", "Age band"));
    /** Threshold 7, rounded to 5. */
    private static final SmallCounts RULES = new SmallCounts(7, 5, ZeroCounts.DISCLOSIVE);

    private final LinkageCounts counts = counts();

    @Test
    void theEventsLessThoseLeftOutNarrowWhatTheIncludedShowAlone() {
        IncludedEvents oldest = IncludedEvents.of(counts, "age_band", Set.of("85+"), RULES);

        // 22 included shows as 20 (18 to 22); 33 events as 35 and 11 left out as 10, so at least 33 - 12 = 21.
        assertThat(oldest.counted()).isEqualTo(22);
        assertThat(oldest.shown()).isEqualTo(new Interval(21, 22));
    }

    @Test
    void groupsTogetherAddUpAndAGroupNotListedHasNone() {
        IncludedEvents younger = IncludedEvents.of(counts, "age_band", Set.of("65-74", "75-84", "0-17"), RULES);

        // 65-74: 40 events, none left out (a 0 shown as <=7); 75-84 is not listed.
        assertThat(younger.counted()).isEqualTo(40);
        assertThat(younger.shown()).isEqualTo(new Interval(38, 42));
    }

    @Test
    void aDimensionTheSectionDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> IncludedEvents.of(counts, "client_type", Set.of("Carer"), RULES))
                .hasMessage("Cannot read the events included in client_type: no such dimension, expected one of"
                        + " [age_band]");
    }

    private static LinkageCounts counts() {
        GroupTally tally = new GroupTally(AGE);
        for (int i = 0; i < 33; i++) {
            tally.add(List.of("85+"), i < 11 ? Optional.of(OPT_OUT.code()) : Optional.empty(), GroupTally.Link.LINKED);
        }
        for (int i = 0; i < 40; i++) {
            tally.add(List.of("65-74"), Optional.empty(), GroupTally.Link.LINKED);
        }
        return new LinkageCounts(List.of(), List.of(), 73, 73, List.of(OPT_OUT), AGE, Set.of(), tally.groups(),
                List.of());
    }
}
