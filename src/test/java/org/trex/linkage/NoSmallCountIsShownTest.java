package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.CellStatus;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

class NoSmallCountIsShownTest {
    private static final DisclosureRules RULES = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);

    @Test
    void everyCountIsSuppressedOrAboveTheThresholdAndRounded() {
        List<ShownCount> shown = shownCounts(LinkageSection.of(SampleCounts.counts(), RULES, 5));
        assertThat(shown).isNotEmpty().allSatisfy(c -> {
            if (!c.suppressed()) {
                assertThat(c.value().getAsLong()).isGreaterThan(7);
                assertThat(c.value().getAsLong() % 5).isZero();
            } else {
                assertThat(c.display()).isEqualTo(c.status() == CellStatus.SMALL_COUNT ? "<=7" : "suppressed");
            }
        });
        assertThat(shown).anyMatch(c -> c.status() == CellStatus.SMALL_COUNT)
                .anyMatch(c -> c.status() == CellStatus.COMPLEMENTARY);
    }

    @Test
    void aSuppressedCountTakesItsPercentagesAndFlagWithIt() {
        LinkageSection section = LinkageSection.of(SampleCounts.counts(), RULES, 0);
        LinkageSection.GroupRow child = section.breakdowns().get(0).rows(LinkageSection.AGE_BAND).get(0);
        assertThat(child.group()).isEqualTo("0-17");
        assertThat(child.events().suppressed()).isTrue();
        assertThat(child.percentLeftOut()).isEmpty();
        assertThat(child.differencePoints()).isEmpty();
        assertThat(child.flagged()).isFalse();
        assertThat(section.traceOutcomes().get(1).percent()).isEmpty();
    }

    static List<ShownCount> shownCounts(LinkageSection section) {
        List<ShownCount> counts = new ArrayList<>(List.of(section.indexEvents(), section.linkedEvents()));
        Stream.of(section.traceOutcomes(), section.numberValidity(), section.implausible())
                .flatMap(List::stream).forEach(s -> counts.add(s.count()));
        for (LinkageSection.Breakdown b : section.breakdowns()) {
            counts.add(b.leftOut());
            b.rows().forEach(r -> counts.addAll(List.of(r.events(), r.included(), r.leftOut())));
        }
        return counts;
    }
}
