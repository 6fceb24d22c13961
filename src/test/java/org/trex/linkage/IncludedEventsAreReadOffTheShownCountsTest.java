package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.Interval;
import org.trex.disclosure.SmallCounts;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;
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

    private final CountedSection counts = CountedSection.of(counts(), new DisclosureRules(5, KAnonymityAction.SUPPRESS,
            7, 5), 5);

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

        // 65-74: 31 included shows as 30 (28 to 32); 40 events less 9 left out (shown 10) allow 26 to 34; 75-84 is
        // not listed.
        assertThat(younger.counted()).isEqualTo(31);
        assertThat(younger.shown()).isEqualTo(new Interval(28, 32));
    }

    @Test
    void aDimensionTheSectionDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> IncludedEvents.of(counts, "client_type", Set.of("Carer"), RULES))
                .hasMessage("Cannot read the events included in client_type: no such dimension, expected one of"
                        + " [age_band]");
    }

    /** 33 events aged 85+, 11 of them left out; 40 aged 65-74, 9 left out; every other event linked. */
    private static LinkageCounts counts() {
        GroupTally tally = new GroupTally(AGE);
        add(tally, "85+", 33, 11);
        add(tally, "65-74", 40, 9);
        return new LinkageCounts(List.of(), List.of(), 73, 37, List.of(OPT_OUT), AGE, Set.of(), tally.groups(),
                List.of());
    }

    private static void add(GroupTally tally, String band, int events, int leftOut) {
        for (int i = 0; i < events; i++) {
            tally.add(List.of(band), i < leftOut ? Optional.of(OPT_OUT.code()) : Optional.empty(),
                    i % 2 == 0 ? GroupTally.Link.LINKED : GroupTally.Link.NOT_LINKED);
        }
    }
}
