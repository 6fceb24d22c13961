package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.SourceCatalog;
import org.trex.spec.CohortSpec;
import org.trex.spec.Condition;
import org.trex.spec.ExtractSpec;
import org.trex.testing.Specs;

/**
 * A whole date in a spec's words that its SQL does not hold would fail {@code trex verify} with the source when
 * someone was born that day: the plan warns of it, in figures or in words, naming the text but not the date; a date
 * the SQL holds (the cohort's window), however written, or a month and year alone does not warn.
 */
class PlanWarnsOfWholeDatesInTheSpecsWordsTest {
    private static final String WARNING = " holds a whole date its SQL does not: the extract repeats it, and `trex"
            + " verify` with the source fails the extract if a person in the source was born on that day, in figures"
            + " or in words; write the month and year alone (April 2024)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Planner planner = new Planner(SourceCatalog.standard());

    @Test
    void aDateInThePurposeAndOneInTheCohortsDescriptionAreNamed() throws JsonProcessingException {
        ExtractSpec spec = withWords("Service evaluation requested on 15/11/2026",
                "People 65+ discharged since 2024-04-01, as the board asked on 2026-11-20");

        String text = PlanReport.render(plan(spec), Optional.empty(), PlanFormat.TEXT);
        JsonNode json = JSON.readTree(PlanReport.render(plan(spec), Optional.empty(), PlanFormat.JSON));

        assertThat(text).contains("  WARNING: The purpose" + WARNING + "\n")
                .contains("  WARNING: The cohort's description" + WARNING + "\n")
                .doesNotContain("WARNING: The title").doesNotContain("WARNING: The legal basis");
        assertThat(json.path("warnings")).extracting(JsonNode::asText)
                .containsExactly("The purpose" + WARNING, "The cohort's description" + WARNING);
        assertThat(text.lines().filter(l -> l.contains("WARNING:"))).hasSize(2).noneMatch(l -> l.contains("2026"));
    }

    @Test
    void aDateInWordsIsNamedAsOneInFiguresIs() {
        ExtractSpec spec = withWords("Service evaluation requested on 15 November 2026",
                "People 65+ discharged since 1 April 2024, as the board asked on November 20th, 2026");

        String text = PlanReport.render(plan(spec), Optional.empty(), PlanFormat.TEXT);

        assertThat(text).contains("  WARNING: The purpose" + WARNING + "\n")
                .contains("  WARNING: The cohort's description" + WARNING + "\n");
        assertThat(text.lines().filter(l -> l.contains("WARNING:"))).hasSize(2)
                .noneMatch(l -> l.contains("November"));
    }

    @Test
    void aDateTheSqlHoldsHoweverWrittenOrAMonthAloneIsNoWarning() throws JsonProcessingException {
        ExtractSpec spec = withWords("Service evaluation requested in November 2026",
                "People 65+ discharged from 1 April 2024 (20240401) to 31/03/2025");

        String text = PlanReport.render(plan(spec), Optional.empty(), PlanFormat.TEXT);
        JsonNode json = JSON.readTree(PlanReport.render(plan(spec), Optional.empty(), PlanFormat.JSON));

        assertThat(text).doesNotContain("WARNING");
        assertThat(json.has("warnings")).isFalse();
    }

    private ExtractPlan plan(ExtractSpec spec) {
        return planner.plan(spec, Specs.policy(), LocalDate.of(2025, 9, 30), "{}", "{}");
    }

    private static ExtractSpec withWords(String purpose, String cohortDescription) {
        ExtractSpec shipped = Specs.dischargeDelays();
        CohortSpec cohort = shipped.cohort();
        CohortSpec described = new CohortSpec(cohortDescription, cohort.indexEvent(), cohort.from(), cohort.to(),
                cohort.minAge(), cohort.maxAge(), cohort.socialCareAtIndex(),
                List.of(new Condition("discharge_method", List.of("1", "2", "3"))));
        return Specs.spec(purpose, described, shipped.outputs());
    }
}
