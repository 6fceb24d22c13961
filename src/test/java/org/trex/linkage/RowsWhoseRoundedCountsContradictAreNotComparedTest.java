package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * A group whose rounded counts contradict each other or the cohort's (every White event left out, 17 rounded to
 * 15 of 18 rounded to 20, leaves a rest of the cohort of 5 events with 10 left out) shows no share, difference or
 * flag, but "n/a", and the section says why once.
 */
class RowsWhoseRoundedCountsContradictAreNotComparedTest {
    /** Rounded to 5, protected only from exact inference: no complement, so every share is of the counts rounded. */
    private static final DisclosureRules RULES = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5)
            .withProtectionRange(0);
    private static final Label NDOP = new Label("national_data_opt_out", "National data opt-out");
    private static final List<Label> DIMENSIONS = List.of(new Label("ethnicity", "Ethnicity group"));

    private static LinkageSection section() {
        GroupTally tally = new GroupTally(DIMENSIONS);
        add(tally, "White", 18, 17);
        add(tally, "Asian", 6, 6);
        return LinkageSection.of(new LinkageCounts(List.of(new Tally(new Label("matched", "Matched"), 24)),
                List.of(new Tally(new Label("valid", "Valid"), 24)), 24, 24, List.of(NDOP), DIMENSIONS, Set.of(),
                tally.groups(), List.of()), RULES, 5);
    }

    private static void add(GroupTally tally, String group, int events, int leftOut) {
        for (int i = 0; i < events; i++) {
            tally.add(List.of(group), i < leftOut ? Optional.of(NDOP.code()) : Optional.empty(),
                    GroupTally.Link.LINKED);
        }
    }

    @Test
    void aGroupWithAnImpossibleRestShowsNoShareAndIsNotFlagged() {
        LinkageSection section = section();
        LinkageSection.GroupRow white = section.breakdowns().get(0).rows("ethnicity").stream()
                .filter(r -> r.group().equals("White")).findFirst().orElseThrow();

        assertThat(white.events().display()).isEqualTo("20");
        assertThat(white.leftOut().display()).isEqualTo("15");
        assertThat(white.comparable()).isFalse();
        assertThat(white.flagged()).isFalse();
        assertThat(white.shareText(white.percentLeftOut())).isEqualTo("n/a");
        assertThat(white.shareText(white.percentLeftOutOfRest())).isEqualTo("n/a");
        assertThat(white.differenceText()).isEqualTo("n/a");
        assertThat(section.warnings()).noneMatch(w -> w.contains("White"));
    }

    @Test
    void theSectionSaysWhyOnce() {
        assertThat(section().notComparableNote()).contains("n/a: the group's rounded counts contradict each other"
                + " (more left out than events, or a rest of the cohort with no events or more left out than events),"
                + " so its shares are not shown, compared or flagged");
    }

    @Test
    void aSectionWhoseRowsAllAgreeHasNoNote() {
        assertThat(LinkageSection.of(SampleCounts.counts(), RULES, 5).notComparableNote()).isEmpty();
    }
}
