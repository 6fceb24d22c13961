package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trex.linkage.GroupCount;
import org.trex.linkage.LinkageCounts;
import org.trex.linkage.LinkageSection;
import org.trex.optout.OptOutLoader;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.Applicability;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;

/**
 * The social care records hold a client type and a postcode, so the linkage counts group index events by the client
 * type and the postcode district of the council record they link to (the first recorded, when several hold the
 * number); events that link to none fall in "No council record", and the linkage breakdown leaves these groups out,
 * since they would only restate it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientTypeAndAreaGroupsAreCountedTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 15);

    LinkageCounts counts;

    @BeforeAll
    void count() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            String carer = SourceFixture.nhsNumber(1);
            String user = SourceFixture.nhsNumber(2);
            String noPostcode = SourceFixture.nhsNumber(3);
            long carerRecord = fixture.person(carer, LocalDate.of(1944, 3, 10), "LE2 1AB");
            fixture.person(carer, LocalDate.of(1944, 3, 10), "LE9 9ZZ");
            fixture.person(user, LocalDate.of(1944, 3, 10), "le1 5ww");
            fixture.person(noPostcode, LocalDate.of(1944, 3, 10), null);
            try (Connection connection = url.connect();
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE social_care.person SET client_type = 'Unpaid carer' WHERE person_id = ?")) {
                update.setLong(1, carerRecord);
                update.executeUpdate();
            }
            fixture.spell(carer, LocalDate.of(2024, 6, 1), DISCHARGED, null);
            fixture.spell(user, LocalDate.of(2024, 6, 1), DISCHARGED, null);
            fixture.spell(user, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 9), null);
            fixture.spell(noPostcode, LocalDate.of(2024, 6, 1), DISCHARGED, null);
            fixture.spell(SourceFixture.nhsNumber(4), LocalDate.of(2024, 6, 1), DISCHARGED, null);
            fixture.spell(null, LocalDate.of(2024, 6, 1), DISCHARGED, null);
        }
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(
                Specs.spec(Specs.cohort(List.of()), List.of(Specs.spells())),
                Specs.policy(Applicability.EXEMPT, Applicability.APPLIES,
                        new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1)),
                AS_OF, "{}", "{}");
        counts = new LinkageQueries(SourceCatalog.standard())
                .count(plan, OptOutLoader.load(url, plan.exclusions()), url);
    }

    @Test
    void eventsAreGroupedByTheClientTypeOfTheFirstLinkedRecord() {
        assertThat(groups("client_type")).containsExactlyInAnyOrder(
                tuple("Unpaid carer", 1L, 0L), tuple("Service user", 3L, 0L), tuple("No council record", 2L, 1L));
    }

    @Test
    void eventsAreGroupedByThePostcodeDistrictOfTheFirstLinkedRecord() {
        assertThat(groups("area")).containsExactlyInAnyOrder(tuple("LE2", 1L, 0L), tuple("LE1", 2L, 0L),
                tuple("Not known", 1L, 0L), tuple("No council record", 2L, 1L));
        assertThat(counts.councilSide()).containsExactlyInAnyOrder("client_type", "area");
    }

    @Test
    void theLinkageBreakdownLeavesOutTheCouncilSideGroups() {
        LinkageSection section = LinkageSection.of(counts, new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1), 5);
        LinkageSection.Breakdown anyReason = section.breakdowns().get(0);
        LinkageSection.Breakdown notLinked = section.breakdowns().get(section.breakdowns().size() - 1);

        assertThat(notLinked.reason().code()).isEqualTo(LinkageSection.NOT_LINKED);
        assertThat(notLinked.rows("client_type")).isEmpty();
        assertThat(notLinked.rows("area")).isEmpty();
        assertThat(notLinked.rows("age_band")).isNotEmpty();
        assertThat(anyReason.rows("client_type")).extracting(LinkageSection.GroupRow::group)
                .contains("No council record", "Service user", "Unpaid carer");
    }

    /** Group, events and events left out for any reason, of one dimension. */
    private List<org.assertj.core.groups.Tuple> groups(String dimension) {
        return counts.groups().stream().filter(g -> g.dimension().equals(dimension))
                .map(g -> tuple(g.group(), g.events(), g.leftOutForAnyReason())).toList();
    }
}
