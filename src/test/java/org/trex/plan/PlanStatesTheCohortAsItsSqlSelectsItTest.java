package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.trex.source.SourceCatalog;
import org.trex.spec.CohortSpec;
import org.trex.spec.Condition;
import org.trex.spec.ExtractSpec;
import org.trex.spec.SocialCareAtIndex;
import org.trex.testing.Specs;

/**
 * The plan words the cohort from its rules, beside the analyst's description, so a description that says other than
 * the rules (another age, another year) is there for the board to see.
 */
class PlanStatesTheCohortAsItsSqlSelectsItTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedSpecsRulesAreWorded() throws JsonProcessingException {
        ExtractPlan plan = plan(Specs.dischargeDelays());

        String text = PlanReport.render(plan, Optional.empty(), PlanFormat.TEXT);
        JsonNode json = JSON.readTree(PlanReport.render(plan, Optional.empty(), PlanFormat.JSON));

        assertThat(text).contains("  Cohort as its SQL selects it: index event: each inpatient_spell row"
                + " (hospital_discharge) whose discharge_date is from 2024-04-01 to 2025-03-31, both included, and not"
                + " after the as-of date; aged 65 or over on the index date; discharge_method is one of ['1', '2',"
                + " '3']; with or without an adult social care service running on the index date\n");
        assertThat(json.path("cohortRules")).hasSize(4);
    }

    @Test
    void aDescriptionAtOddsWithTheRulesStandsBesideThem() {
        ExtractSpec shipped = Specs.dischargeDelays();
        CohortSpec cohort = shipped.cohort();
        CohortSpec odd = new CohortSpec("People aged 75 and over discharged in 2023/24", cohort.indexEvent(),
                cohort.from(), cohort.to(), OptionalInt.of(18), OptionalInt.of(64), SocialCareAtIndex.WITHOUT,
                List.of(new Condition("discharge_method", List.of("1"))));

        String markdown = PlanReport.render(plan(Specs.spec(shipped.purpose(), odd, shipped.outputs())),
                Optional.empty(), PlanFormat.MARKDOWN);

        assertThat(markdown).contains("- Cohort: People aged 75 and over discharged in 2023/24\n")
                .contains("whose discharge_date is from 2024-04-01 to 2025-03-31")
                .contains("; aged 18 to 64 on the index date; discharge_method is one of ['1'];"
                        + " without an adult social care service running on the index date\n");
    }

    private static ExtractPlan plan(ExtractSpec spec) {
        return new Planner(SourceCatalog.standard()).plan(spec, Specs.policy(), LocalDate.of(2025, 6, 30), "{}", "{}");
    }
}
