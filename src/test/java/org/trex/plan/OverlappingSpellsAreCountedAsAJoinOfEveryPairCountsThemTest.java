package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trex.linkage.LinkageCounts;
import org.trex.linkage.Tally;
import org.trex.optout.OptOutLoader;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.Applicability;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;
import org.trex.testing.Sql;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;

/**
 * On random spells in PostgreSQL (numbers written with spaces, hyphens or neither, some missing; spells on one day,
 * some still open, some admitted after the as-of date), the linkage section counts as overlapping exactly the cohort's
 * events that a join of each to every other spell of its number finds: another spell admitted before the event ends
 * and ending after it was admitted, an open spell ending on the as-of date.
 */
class OverlappingSpellsAreCountedAsAJoinOfEveryPairCountsThemTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 2, 15);
    private static final String JOIN = "SELECT count(*) FROM health.inpatient_spell s"
            + " WHERE s.discharge_date BETWEEN DATE '2024-04-01' AND DATE '2025-03-31'"
            + " AND s.discharge_date <= DATE '2025-02-15'"
            + " AND EXISTS (SELECT 1 FROM health.inpatient_spell o"
            + " WHERE replace(replace(o.nhs_number, ' ', ''), '-', '')"
            + " = replace(replace(s.nhs_number, ' ', ''), '-', '')"
            + " AND o.spell_id <> s.spell_id"
            + " AND o.admission_date < coalesce(s.discharge_date, DATE '2025-02-15')"
            + " AND coalesce(o.discharge_date, DATE '2025-02-15') > s.admission_date)";

    @Test
    void eachOverlappingEventIsCountedOnceAsTheJoinFindsIt() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Random random = new Random(7);
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (int i = 0; i < 400; i++) {
                LocalDate admitted = LocalDate.of(2024, 3, 1).plusDays(random.nextInt(400));
                int stay = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
                LocalDate discharged = random.nextInt(8) == 0 || admitted.plusDays(stay).isAfter(AS_OF) ? null
                        : admitted.plusDays(stay);
                fixture.spell(number(random), admitted, discharged, null);
            }
        }
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(
                Specs.spec(Specs.cohort(List.of()), List.of(Specs.spells())),
                Specs.policy(Applicability.EXEMPT, Applicability.APPLIES,
                        new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1)),
                AS_OF, "{}", "{}");
        LinkageCounts counts = new LinkageQueries(SourceCatalog.standard())
                .count(plan, OptOutLoader.load(url, plan.exclusions()), url);

        long joined = Sql.count(url, JOIN);
        assertThat(joined).isBetween(20L, counts.indexEvents() - 20);
        assertThat(counts.implausible()).filteredOn(t -> t.label().code().equals("overlapping_spells"))
                .extracting(Tally::count).containsExactly(joined);
    }

    /** One of 60 numbers, written as a council or a hospital might write it, or none. */
    private static String number(Random random) {
        if (random.nextInt(15) == 0) {
            return null;
        }
        String digits = String.format("999%07d", random.nextInt(60));
        return switch (random.nextInt(3)) {
            case 0 -> digits;
            case 1 -> digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
            default -> digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
        };
    }
}
