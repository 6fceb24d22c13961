package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trex.optout.ExclusionReason;
import org.trex.optout.NationalListStatus;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;

/**
 * The plan shows the national data opt-out allow list a run would use (its date and age against the policy's
 * limit), counts who is off it, and warns when a run as of the plan's date would be refused for a stale list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanShowsTheNationalListTest {
    static final LocalDate LIST = LocalDate.of(2025, 6, 1);

    DatabaseUrl url;

    @BeforeAll
    void source() throws Exception {
        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (String number : List.of("9990000018", "9990000026", "9990000034")) {
                fixture.spell(number, LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 15), null);
            }
            fixture.nationalList(LIST, "9990000026");
            // Traced after the check: never sent, so it has no known status.
            fixture.spell("9990000042", LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 15), null);
        }
    }

    private String plan(LocalDate asOf, PlanCounts[] counted) {
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(Specs.spec(Specs.cohort(List.of()),
                List.of(Specs.spells())), Specs.policy(), asOf, "{}", "{}");
        counted[0] = PlanCounts.count(plan, url, Optional.empty());
        return PlanReport.render(plan, Optional.of(counted[0]), PlanFormat.TEXT)
                + PlanReport.render(plan, Optional.of(counted[0]), PlanFormat.JSON);
    }

    @Test
    void aCurrentListIsShownWithItsAgeAndWhoIsOffIt() {
        PlanCounts[] counts = new PlanCounts[1];
        String report = plan(LocalDate.of(2025, 6, 30), counts);

        assertThat(counts[0].nationalList().status()).isEqualTo(NationalListStatus.CURRENT);
        assertThat(counts[0].leftOut(ExclusionReason.NATIONAL_DATA_OPT_OUT_OR_UNCHECKED)).containsExactly(2, 2);
        assertThat(report).contains("National data opt-out: allow list of 2025-06-01, 29 days old on 2025-06-30 "
                + "(policy service-evaluation allows up to 92 days)", "\"nationalListDate\" : \"2025-06-01\"",
                "\"nationalListAgeDays\" : 29").doesNotContain("WARNING", "warnings");
    }

    @Test
    void aListThatWillBeStaleByTheRunIsWarnedOf() {
        PlanCounts[] counts = new PlanCounts[1];
        String report = plan(LocalDate.of(2025, 9, 2), counts);

        assertThat(counts[0].nationalList().status()).isEqualTo(NationalListStatus.STALE);
        assertThat(report).contains("WARNING: a run as of 2025-09-02 will be refused: the national data opt-out list "
                + "will be stale: allow list of 2025-06-01, "
                + "93 days old on 2025-09-02 (policy service-evaluation allows "
                + "up to 92 days)", "\"warnings\" : [");
    }
}
