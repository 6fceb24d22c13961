package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;

/**
 * People are told apart by NHS number, so the plan, as the run's lineage does, counts events without a number but
 * calls their people not countable, rather than one person per event (the plan said 50 people where the run said 0).
 */
class PlanCountsNoPeopleWithoutAnNhsNumberTest {
    @Test
    void eventsWithoutANumberAreCountedButTheirPeopleAreNot() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (int i = 0; i < 12; i++) {
                fixture.spell(null, LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 15), null);
            }
            fixture.spell("9990000018", LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 15), null);
            fixture.nationalList(LocalDate.of(2025, 6, 1), "9990000018");
        }
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(Specs.spec(Specs.cohort(List.of()),
                List.of(Specs.spells())), Specs.policy(), LocalDate.of(2025, 6, 30), "{}", "{}");
        PlanCounts counts = PlanCounts.count(plan, url, Optional.empty());

        assertThat(PlanReport.render(plan, Optional.of(counts), PlanFormat.TEXT)).contains(
                "Left out, NHS number missing: no opt-out can be checked: 10 events, people not countable (no NHS "
                        + "number)\n");
        JsonNode missing = new ObjectMapper().readTree(PlanReport.render(plan, Optional.of(counts), PlanFormat.JSON))
                .path("counts").path("leftOut").path("missing_nhs_number");
        assertThat(missing.path("events").asText()).isEqualTo("10");
        assertThat(missing.path("people").isNull()).isTrue();
    }
}
