package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.CellStatus;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * An event with no NHS number links to no council record, so a council-side group holds none left out for it: a zero
 * everyone knows, shown as 0. Were it shown as {@code <=7}, the group's events left out for any reason less those for
 * the opt-out (rounded to 5, each within 2) would narrow it to 0 to 4, and a complement would hide a count beside it.
 */
class AMissingNumberLinksToNoCouncilRecordTest {
    private static final DisclosureRules RULES = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);
    private static final List<Label> DIMENSIONS = List.of(new Label("age_band", "Age band"),
            new Label("client_type", "Client type"));
    private static final Label MISSING = new Label("missing_nhs_number", "NHS number missing");
    private static final Label OPT_OUT = new Label("national_data_opt_out", "National data opt-out");

    @Test
    void aCouncilSideGroupShowsNoneLeftOutForAMissingNumberAndNeedsNoComplement() {
        LinkageSection section = LinkageSection.of(counts(Set.of(MISSING.code())), RULES, 5);

        LinkageSection.GroupRow serviceUsers = row(section, MISSING.code(), "Service user");
        assertThat(serviceUsers.leftOut().display()).isEqualTo("0");
        assertThat(row(section, MISSING.code(), Groups.NO_COUNCIL_RECORD).leftOut().display()).isEqualTo("20");
        assertThat(NoSmallCountIsShownTest.shownCounts(section)).extracting(ShownCount::status)
                .doesNotContain(CellStatus.COMPLEMENTARY);
        assertThat(row(section, LinkageSection.ANY_REASON, "Service user").leftOut().display()).isEqualTo("30");
    }

    @Test
    void withoutThatKnowledgeTheZeroIsSmallAndTakesAComplement() {
        LinkageSection section = LinkageSection.of(counts(Set.of()), RULES, 5);

        assertThat(row(section, MISSING.code(), "Service user").leftOut().display()).isEqualTo("<=7");
        assertThat(NoSmallCountIsShownTest.shownCounts(section)).extracting(ShownCount::status)
                .contains(CellStatus.COMPLEMENTARY);
    }

    private static LinkageSection.GroupRow row(LinkageSection section, String reason, String clientType) {
        return section.breakdowns().stream().filter(b -> b.reason().code().equals(reason)).findFirst().orElseThrow()
                .rows("client_type").stream().filter(r -> r.group().equals(clientType)).findFirst().orElseThrow();
    }

    /** 200 service users' events, 31 of them opted out; 100 with no council record, 20 of them missing a number. */
    private static LinkageCounts counts(Set<String> neverLinked) {
        GroupTally tally = new GroupTally(DIMENSIONS);
        for (int i = 0; i < 200; i++) {
            tally.add(List.of(i % 2 == 0 ? "65-74" : "75-84", "Service user"),
                    i < 31 ? Optional.of(OPT_OUT.code()) : Optional.empty(), GroupTally.Link.LINKED);
        }
        for (int i = 0; i < 100; i++) {
            tally.add(List.of(i % 2 == 0 ? "65-74" : "75-84", Groups.NO_COUNCIL_RECORD),
                    i < 20 ? Optional.of(MISSING.code()) : i < 40 ? Optional.of(OPT_OUT.code()) : Optional.empty(),
                    GroupTally.Link.NOT_LINKED);
        }
        return new LinkageCounts(List.of(), List.of(), 300, 200, List.of(MISSING, OPT_OUT), DIMENSIONS,
                Set.of("client_type"), tally.groups(), List.of(), neverLinked);
    }
}
