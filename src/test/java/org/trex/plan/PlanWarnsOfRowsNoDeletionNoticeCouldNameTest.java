package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.SourceCatalog;
import org.trex.spec.ExtractSpec;
import org.trex.spec.RecordOutput;
import org.trex.testing.Specs;

/**
 * Deletion notices find a person's rows by the pseudonym of their NHS number: a records output without one holds rows
 * no notice could name should their person object after its release, and the board is told before it approves.
 */
class PlanWarnsOfRowsNoDeletionNoticeCouldNameTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final String WARNING = "Output spells holds no pseudonym of the person's NHS number (a field with"
            + " source: nhs_number and form: pseudonym): should someone whose rows it holds object after its release,"
            + " no deletion notice can name their rows in it, as notices find a person's rows by that column, and the"
            + " TRE could honour the objection only by deleting the whole output";

    private final Planner planner = new Planner(SourceCatalog.standard());

    @Test
    void aRecordsOutputWithoutAPersonColumnIsWarnedOf() throws IOException {
        ExtractPlan plan = plan(Specs.spec(Specs.cohort(List.of()), List.of(spellsWithoutPerson(),
                Specs.socialCareEvents(), Specs.delaysByBand())));

        String text = PlanReport.render(plan, Optional.empty(), PlanFormat.TEXT);
        JsonNode json = new ObjectMapper().readTree(PlanReport.render(plan, Optional.empty(), PlanFormat.JSON));

        assertThat(plan.outputs().get(0).personColumn()).isEmpty();
        assertThat(text).contains("  WARNING: " + WARNING + "\n").doesNotContain("Output social_care_events holds no");
        assertThat(json.get("warnings")).extracting(JsonNode::asText).containsExactly(WARNING);
    }

    @Test
    void outputsWithAPersonColumnAndAggregatesAreNot() {
        ExtractPlan plan = plan(Specs.dischargeDelays());

        assertThat(plan.outputs()).extracting(OutputPlan::personColumn)
                .containsExactly(Optional.of("person"), Optional.of("person"), Optional.empty());
        assertThat(PlanReport.render(plan, Optional.empty(), PlanFormat.TEXT)).doesNotContain("WARNING");
    }

    private static RecordOutput spellsWithoutPerson() {
        RecordOutput spells = Specs.spells();
        return new RecordOutput(spells.name(), spells.dataset(), spells.window(),
                spells.fields().stream().filter(field -> !field.name().equals("person")).toList(),
                spells.quasiIdentifiers());
    }

    private ExtractPlan plan(ExtractSpec spec) {
        return planner.plan(spec, Specs.policy(), AS_OF, "{}", "{}");
    }
}
