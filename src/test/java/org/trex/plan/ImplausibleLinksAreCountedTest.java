package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trex.linkage.GroupCount;
import org.trex.linkage.LinkageCounts;
import org.trex.linkage.Tally;
import org.trex.optout.ExclusionRules;
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
 * On hand-made records, the linkage counts find each implausible link: an index event after the date of death on
 * the linked council record, one number on council records with two dates of birth (but not one with the same date
 * twice), and spells of one number that overlap (but not a transfer discharged and admitted on the same day), each
 * once however many of the number's other spells it overlaps. A blank number links nothing, even to a council record
 * whose number is blank too, so a spell of one is neither linked nor after that record's death.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplausibleLinksAreCountedTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final String TWO_BIRTH_DATES = "9990000018";
    static final String DIED = "9990000026";
    static final String OVERLAPPING = "9990000034";
    static final String TRANSFERRED = "9990000042";
    static final String ONE_BIRTH_DATE_TWICE = "9990000050";

    LinkageCounts counts;

    @BeforeAll
    void count() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            fixture.person(TWO_BIRTH_DATES, LocalDate.of(1944, 3, 10), "LE1 5WW");
            fixture.person(TWO_BIRTH_DATES, LocalDate.of(1945, 1, 1), "LE1 5WW");
            fixture.spell(TWO_BIRTH_DATES, LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 15), null);
            fixture.person(ONE_BIRTH_DATE_TWICE, LocalDate.of(1950, 7, 1), "LE1 5WW");
            fixture.person(ONE_BIRTH_DATE_TWICE, LocalDate.of(1950, 7, 1), "LE1 5WW");
            long died = fixture.person(DIED, LocalDate.of(1944, 3, 10), "LE2 1AB");
            long blankDied = fixture.person(" - ", LocalDate.of(1944, 3, 10), "LE2 1AB");
            try (Connection connection = url.connect();
                    PreparedStatement death = connection.prepareStatement(
                            "UPDATE social_care.person SET date_of_death = ? WHERE person_id IN (?, ?)")) {
                death.setObject(1, LocalDate.of(2024, 5, 1));
                death.setLong(2, died);
                death.setLong(3, blankDied);
                death.executeUpdate();
            }
            fixture.spell(DIED, LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 15), null);
            fixture.spell(OVERLAPPING, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 10), null);
            fixture.spell(OVERLAPPING, LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 12), null);
            fixture.spell(OVERLAPPING, LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 11), null);
            fixture.spell(TRANSFERRED, LocalDate.of(2024, 6, 10), LocalDate.of(2024, 6, 15), null);
            fixture.spell(TRANSFERRED, LocalDate.of(2024, 6, 15), LocalDate.of(2024, 6, 20), null);
            fixture.spell(null, LocalDate.of(2024, 6, 15), LocalDate.of(2024, 6, 20), null);
            fixture.spell("-", LocalDate.of(2024, 6, 15), LocalDate.of(2024, 6, 20), null);
        }
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(
                Specs.spec(Specs.cohort(List.of()), List.of(Specs.spells())),
                Specs.policy(Applicability.EXEMPT, Applicability.APPLIES,
                        new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1)),
                AS_OF, "{}", "{}");
        ExclusionRules rules = OptOutLoader.load(url, plan.exclusions());
        counts = new LinkageQueries(SourceCatalog.standard()).count(plan, rules, url);
    }

    @Test
    void eachKindOfImplausibleLinkIsCounted() {
        assertThat(byCode(counts.implausible())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "activity_after_death", 1L, "overlapping_spells", 3L, "numbers_with_different_birth_dates", 1L));
    }

    @Test
    void indexEventsLinkWhenACouncilRecordHoldsTheirNumber() {
        assertThat(counts.indexEvents()).isEqualTo(9);
        assertThat(counts.linkedEvents()).isEqualTo(2);
        assertThat(counts.groups()).filteredOn(g -> g.dimension().equals("age_band"))
                .extracting(GroupCount::group, GroupCount::events, GroupCount::notLinked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("75-84", 9L, 7L));
        assertThat(counts.leftOut("missing_nhs_number")).isEqualTo(2);
    }

    @Test
    void councilRecordsAreCountedByTraceOutcomeAndValidity() {
        assertThat(byCode(counts.traceOutcomes())).containsEntry("matched", 6L).containsEntry("not_traced", 0L);
        assertThat(byCode(counts.numberValidity())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "valid", 5L, "missing", 1L, "invalid", 0L));
    }

    private static Map<String, Long> byCode(List<Tally> tallies) {
        return tallies.stream().collect(Collectors.toMap(t -> t.label().code(), Tally::count));
    }
}
