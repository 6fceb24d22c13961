package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * Before a council's records are loaded, no index event links to one: every event's client type is "No council
 * record", so the events linked are none whatever the section shows, and no complement could hide that. The section is
 * shown, its none linked suppressed as small, rather than refused.
 */
class ACohortThatLinksToNothingIsShownTest {
    private static final DisclosureRules RULES = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);
    private static final List<Label> DIMENSIONS = List.of(new Label("age_band", "Age band"),
            new Label("client_type", "Client type"));
    private static final Label OPT_OUT = new Label("national_data_opt_out", "National data opt-out");

    @Test
    void noneLinkedIsSuppressedAndTheRestShown() {
        GroupTally tally = new GroupTally(DIMENSIONS);
        for (int i = 0; i < 120; i++) {
            tally.add(List.of(i % 2 == 0 ? "65-74" : "75-84", Groups.NO_COUNCIL_RECORD),
                    i < 20 ? Optional.of(OPT_OUT.code()) : Optional.empty(), GroupTally.Link.NOT_LINKED);
        }

        LinkageSection section = LinkageSection.of(new LinkageCounts(List.of(), List.of(), 120, 0, List.of(OPT_OUT),
                DIMENSIONS, Set.of("client_type"), tally.groups(), List.of()), RULES, 5);

        assertThat(section.linkedEvents().display()).isEqualTo("<=7");
        assertThat(section.indexEvents().display()).isEqualTo("120");
        assertThat(section.breakdowns().get(0).leftOut().display()).isEqualTo("20");
    }
}
