package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.CellStatus;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * The section's counts add up: a dimension's groups to the cohort's, a group's included and left out to its events,
 * the reasons to every reason, the linked and not linked to the events. Under {@code round_to: 1} a count shown as
 * {@code <=7} beside counts that add up to it with no other suppressed would be their difference, exactly; rounded to
 * 5, the difference of two totals ({@code 71} left out for any reason less {@code 70} for the opt-out) would pin the
 * one missing NHS number down to 0 to 4. Disclosure control suppresses a complementary count beside each, shown as
 * "suppressed".
 */
class NoSmallCountOfTheSectionIsTheOthersDifferenceTest {
    private static final DisclosureRules EXACT = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);
    private static final DisclosureRules ROUNDED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);

    @Test
    void everyGroupsCountsLeaveNoSuppressedOneAloneInTheirSum() {
        LinkageSection section = LinkageSection.of(SampleCounts.counts(), EXACT, 5);

        for (LinkageSection.Breakdown breakdown : section.breakdowns()) {
            for (LinkageSection.GroupRow row : breakdown.rows()) {
                assertThat(suppressed(List.of(row.events(), row.included(), row.leftOut())))
                        .as("%s %s of %s", row.dimension().code(), row.group(), breakdown.reason().code())
                        .isNotEqualTo(1);
            }
            for (Label dimension : section.dimensions()) {
                List<LinkageSection.GroupRow> rows = breakdown.rows(dimension.code());
                if (rows.isEmpty()) {
                    continue;
                }
                assertThat(suppressed(sum(section.indexEvents(), rows, LinkageSection.GroupRow::events)))
                        .as("events by %s", dimension.code()).isNotEqualTo(1);
                assertThat(suppressed(sum(breakdown.leftOut(), rows, LinkageSection.GroupRow::leftOut)))
                        .as("%s by %s", breakdown.reason().code(), dimension.code()).isNotEqualTo(1);
            }
        }
        LinkageSection.Breakdown notLinked = section.breakdowns().get(section.breakdowns().size() - 1);
        assertThat(suppressed(List.of(section.indexEvents(), section.linkedEvents(), notLinked.leftOut())))
                .isNotEqualTo(1);
    }

    @Test
    void theSmallChildrensGroupHasComplementsShownAsSuppressed() {
        LinkageSection section = LinkageSection.of(SampleCounts.counts(), EXACT, 5);

        // 5 events aged 0-17 of 1,005, the other bands 400, 400 and 200: without a complement, 1,005 - 1,000.
        List<ShownCount> events = sum(section.indexEvents(), section.breakdowns().get(0).rows(LinkageSection.AGE_BAND),
                LinkageSection.GroupRow::events);
        assertThat(events).extracting(ShownCount::status).contains(CellStatus.SMALL_COUNT, CellStatus.COMPLEMENTARY);
        ShownCount complement = events.stream().filter(c -> c.status() == CellStatus.COMPLEMENTARY).findFirst()
                .orElseThrow();
        assertThat(complement.display()).isEqualTo("suppressed");
        JsonNode json = LinkageJson.tree(section);
        assertThat(json.path("breakdowns").path(0).path("groups").findValues("events"))
                .anyMatch(JsonNode::isNull);
    }

    @Test
    void theReasonsTotalsDoNotGiveTheSmallOneAwayByDifference() {
        LinkageSection section = LinkageSection.of(SampleCounts.counts(), ROUNDED, 5);
        LinkageSection.Breakdown any = breakdown(section, LinkageSection.ANY_REASON);
        LinkageSection.Breakdown missing = breakdown(section, SampleCounts.MISSING.code());
        LinkageSection.Breakdown optOut = breakdown(section, SampleCounts.NDOP.code());

        assertThat(missing.leftOut().display()).isEqualTo("<=7");
        assertThat(List.of(any.leftOut(), optOut.leftOut())).anyMatch(ShownCount::suppressed);
    }

    @Test
    void aSmallTraceOutcomeIsNotTheCouncilRecordsLessTheOthers() {
        LinkageSection section = LinkageSection.of(SampleCounts.counts(), EXACT, 5);

        // 900 matched and 6 not; the shares would give the 906 records, which the NHS-number checks count too.
        assertThat(section.traceOutcomes()).extracting(s -> s.count().display()).containsExactly("suppressed", "<=7");
        assertThat(section.traceOutcomes()).allMatch(s -> s.percent().isEmpty());
    }

    private static LinkageSection.Breakdown breakdown(LinkageSection section, String reason) {
        return section.breakdowns().stream().filter(b -> b.reason().code().equals(reason)).findFirst().orElseThrow();
    }

    private static List<ShownCount> sum(ShownCount total, List<LinkageSection.GroupRow> rows,
            Function<LinkageSection.GroupRow, ShownCount> count) {
        List<ShownCount> members = new ArrayList<>(List.of(total));
        rows.forEach(r -> members.add(count.apply(r)));
        return members;
    }

    private static long suppressed(List<ShownCount> counts) {
        return counts.stream().filter(ShownCount::suppressed).count();
    }
}
