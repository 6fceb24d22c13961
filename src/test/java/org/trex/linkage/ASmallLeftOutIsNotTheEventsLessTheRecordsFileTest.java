package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.CellStatus;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * A small run (600 generated people): 50 index events, 5 of them left out for the national data opt-out, and a records
 * output of the index events whose file holds the 45 included, as anyone can count. The section showed its events, 50
 * (from 47.5 to 52.5), beside the "&lt;=7" left out: less the file's 45, that is 3 to 7 people's events. Taking the
 * file's rows as known, disclosure control suppresses the events beside the small count, and so every small count of
 * the section is still no narrower than the protection range; without a records output of them, the events are shown.
 */
class ASmallLeftOutIsNotTheEventsLessTheRecordsFileTest {
    private static final DisclosureRules SHIPPED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);
    private static final String OPT_OUT = "national_data_opt_out_or_unchecked";

    private static LinkageCounts counts() {
        List<GroupCount> groups = List.of(
                new GroupCount("age_band", "65-74", 20, Map.of(), 8),
                new GroupCount("age_band", "75-84", 30, Map.of(OPT_OUT, 5L), 12),
                new GroupCount("sex", "Female", 25, Map.of(OPT_OUT, 5L), 10),
                new GroupCount("sex", "Male", 25, Map.of(), 10));
        return new LinkageCounts(List.of(new Tally(new Label("matched", "Traced and verified"), 120)),
                List.of(new Tally(new Label("valid", "NHS number valid"), 120)), 50, 30,
                List.of(new Label(OPT_OUT, "National data opt-out, or not checked")),
                List.of(new Label("age_band", "Age band"), new Label("sex", "Sex")), Set.of(), groups, List.of(),
                Set.of());
    }

    @Test
    void theEventsAreSuppressedBesideTheFile() {
        CountedSection section = CountedSection.of(counts(), SHIPPED, 5, Optional.of("spells"));

        assertThat(section.shown().indexEvents().status()).isEqualTo(CellStatus.COMPLEMENTARY);
        for (GroupCount group : counts().groups()) {
            for (String measure : List.of(SectionCells.EVENTS, SectionCells.INCLUDED, SectionCells.LEFT_OUT)) {
                if (section.cells().of(measure, group).status() == CellStatus.SMALL_COUNT) {
                    assertThat(section.cells().behind(measure, group).width())
                            .as("%s of %s=%s", measure, group.dimension(), group.group()).isEqualTo(7);
                }
            }
        }
    }

    @Test
    void withoutARecordsOutputOfThemTheEventsAreShown() {
        CountedSection section = CountedSection.of(counts(), SHIPPED, 5, Optional.empty());

        assertThat(section.shown().indexEvents().display()).isEqualTo("50");
    }
}
