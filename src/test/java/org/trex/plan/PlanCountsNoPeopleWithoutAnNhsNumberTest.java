package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.nhs.NhsNumber;
import org.trex.optout.ExclusionReason;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;

/**
 * People are told apart by NHS number, so the plan, as the run's lineage does, counts events without a number but
 * calls their people not countable, rather than one person per event (the plan said 50 people where the run said 0);
 * its People figure counts only people with a valid number, and states the events without one apart (a placeholder
 * such as 0000000000, which many share, is no person).
 */
class PlanCountsNoPeopleWithoutAnNhsNumberTest {
    private static final LocalDate ADMITTED = LocalDate.of(2024, 6, 5);
    private static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 15);

    @Test
    void eventsWithoutANumberAreCountedButTheirPeopleAreNot() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (int i = 0; i < 12; i++) {
                fixture.spell(null, ADMITTED, DISCHARGED, null);
            }
            fixture.spell("9990000018", ADMITTED, DISCHARGED, null);
            fixture.nationalList(LocalDate.of(2025, 6, 1), "9990000018");
        }
        ExtractPlan plan = plan();
        PlanCounts counts = PlanCounts.count(plan, url, Optional.empty());

        tenEventsButNoPeople(plan, counts, ExclusionReason.MISSING_NHS_NUMBER);
    }

    @Test
    void eventsWithAnInvalidNumberAreCountedButTheirPeopleAreNot() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (int i = 0; i < 6; i++) {
                fixture.spell("0000000000", ADMITTED, DISCHARGED, null);
            }
            for (String mistyped : List.of("9990000019", "999000001", "9990000027")) {
                fixture.spell(mistyped, ADMITTED, DISCHARGED, null);
            }
            fixture.spell("9990000018", ADMITTED, DISCHARGED, null);
            fixture.nationalList(LocalDate.of(2025, 6, 1));
        }
        ExtractPlan plan = plan();
        PlanCounts counts = PlanCounts.count(plan, url, Optional.empty());

        assertThat(counts.leftOut(ExclusionReason.INVALID_NHS_NUMBER)).containsExactly(9, 0);
        tenEventsButNoPeople(plan, counts, ExclusionReason.INVALID_NHS_NUMBER);
    }

    /** The plan shows the reason's events, rounded to 10, and its people as not countable, in text and JSON. */
    private static void tenEventsButNoPeople(ExtractPlan plan, PlanCounts counts, ExclusionReason reason)
            throws Exception {
        assertThat(PlanReport.render(plan, Optional.of(counts), PlanFormat.TEXT)).contains("Left out, "
                + reason.description() + ": 10 events, people not countable (no valid NHS number)\n");
        JsonNode json = new ObjectMapper().readTree(PlanReport.render(plan, Optional.of(counts), PlanFormat.JSON))
                .path("counts").path("leftOut").path(reason.code());
        assertThat(json.path("events").asText()).isEqualTo("10");
        assertThat(json.path("people").isNull()).isTrue();
    }

    @Test
    void peopleAreThoseWithAValidNumberAndTheEventsWithoutOneAreStatedApart() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        List<String> numbers = validNumbers(20);
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (String number : numbers) {
                fixture.spell(number, ADMITTED, DISCHARGED, null);
            }
            fixture.spell(numbers.get(0), ADMITTED.plusDays(20), DISCHARGED.plusDays(20), null);
            for (int i = 0; i < 12; i++) {
                fixture.spell(null, ADMITTED, DISCHARGED, null);
            }
            for (int i = 0; i < 6; i++) {
                fixture.spell("0000000000", ADMITTED, DISCHARGED, null);
            }
            fixture.nationalList(LocalDate.of(2025, 6, 1), numbers.toArray(String[]::new));
        }
        ExtractPlan plan = plan();
        PlanCounts counts = PlanCounts.count(plan, url, Optional.empty());
        String people = "People: 20 (with a valid NHS number); 20 events without one (missing or invalid), not"
                + " countable as people\n";

        assertThat(counts.events()).isEqualTo(39);
        assertThat(counts.people()).isEqualTo(20);
        assertThat(counts.eventsWithoutValidNumber()).isEqualTo(18);
        assertThat(PlanReport.render(plan, Optional.of(counts), PlanFormat.TEXT))
                .contains("  Index events in the cohort: 40\n  " + people);
        assertThat(PlanReport.render(plan, Optional.of(counts), PlanFormat.MARKDOWN))
                .contains("- Index events in the cohort: 40\n- " + people);
        JsonNode json = new ObjectMapper().readTree(PlanReport.render(plan, Optional.of(counts), PlanFormat.JSON))
                .path("counts");
        assertThat(json.path("events").asText()).isEqualTo("40");
        assertThat(json.path("people").asText()).isEqualTo("20");
        assertThat(json.path("eventsWithoutValidNhsNumber").asText()).isEqualTo("20");
    }

    private static ExtractPlan plan() {
        return new Planner(SourceCatalog.standard()).plan(Specs.spec(Specs.cohort(List.of()),
                List.of(Specs.spells())), Specs.policy(), LocalDate.of(2025, 6, 30), "{}", "{}");
    }

    /** Valid 999-range test numbers: nine digits and their Modulus 11 check digit, where there is one. */
    private static List<String> validNumbers(int count) {
        List<String> numbers = new ArrayList<>();
        for (int serial = 1; numbers.size() < count; serial++) {
            String nine = String.format("999%06d", serial);
            int check = NhsNumber.checkDigit(nine);
            if (check >= 0 && check <= 9) {
                numbers.add(nine + check);
            }
        }
        return numbers;
    }
}
