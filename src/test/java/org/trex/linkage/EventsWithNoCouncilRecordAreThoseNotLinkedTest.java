package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * A council-side dimension's "No council record" holds the events not linked, which the linkage's breakdown shows
 * too: the two are one count, so suppressing one beside a small client type while the other is shown would hide
 * nothing. Exactly counted (rounded to 1), the 3 unpaid carers' events are suppressed, and a complement beside them
 * that is the events with no council record takes the count of those not linked with it.
 */
class EventsWithNoCouncilRecordAreThoseNotLinkedTest {
    private static final DisclosureRules EXACT = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);
    private static final List<Label> DIMENSIONS = List.of(new Label("age_band", "Age band"),
            new Label("client_type", "Client type"));
    private static final Label OPT_OUT = new Label("national_data_opt_out", "National data opt-out");

    @Test
    void theirEventsAreSuppressedOnlyWithTheCountNotLinked() {
        LinkageSection section = LinkageSection.of(counts(), EXACT, 5);
        LinkageSection.Breakdown any = section.breakdowns().get(0);
        LinkageSection.Breakdown notLinked = section.breakdowns().get(section.breakdowns().size() - 1);

        assertThat(events(any, "Unpaid carer").display()).isEqualTo("<=7");
        assertThat(events(any, Groups.NO_COUNCIL_RECORD).suppressed()).isEqualTo(notLinked.leftOut().suppressed());
        assertThat(List.of(section.indexEvents(), events(any, "Service user"), events(any, Groups.NO_COUNCIL_RECORD)))
                .anyMatch(ShownCount::suppressed);
    }

    private static ShownCount events(LinkageSection.Breakdown breakdown, String clientType) {
        return breakdown.rows("client_type").stream().filter(r -> r.group().equals(clientType)).findFirst()
                .orElseThrow().events();
    }

    /** 100 service users' events, 3 unpaid carers', 20 with no council record; 12 of all left out. */
    private static LinkageCounts counts() {
        GroupTally tally = new GroupTally(DIMENSIONS);
        add(tally, "Service user", 100, GroupTally.Link.LINKED);
        add(tally, "Unpaid carer", 3, GroupTally.Link.LINKED);
        add(tally, Groups.NO_COUNCIL_RECORD, 20, GroupTally.Link.NOT_LINKED);
        return new LinkageCounts(List.of(), List.of(), 123, 103, List.of(OPT_OUT), DIMENSIONS, Set.of("client_type"),
                tally.groups(), List.of());
    }

    private static void add(GroupTally tally, String clientType, int events, GroupTally.Link link) {
        for (int i = 0; i < events; i++) {
            tally.add(List.of(i % 2 == 0 ? "65-74" : "75-84", clientType),
                    i % 10 == 0 ? Optional.of(OPT_OUT.code()) : Optional.empty(), link);
        }
    }
}
