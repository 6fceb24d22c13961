package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * An aggregate's disclosure control is told in the terms that apply to a table of counts: its suppression and
 * rounding rule, its cells and those suppressed, and the groups it lists, every one of them; not k and a smallest
 * class, which are ideas of records (it said "k required 5 | Smallest class 0", a hint that some group is empty).
 * A record-level output keeps its k-anonymity, its values suppressed shown as the policy shows counts.
 */
class AggregatesDisclosureIsTheirCellsTest {
    @Test
    void theReportsGiveAnAggregatesCellsAndGroups() {
        String md = LineageReport.markdown(SampleLineage.finished(), SampleLineage.COMPLETED);
        String html = LineageReport.html(SampleLineage.finished(), SampleLineage.COMPLETED);

        assertThat(md).contains(
                "| Output | k required | Smallest class | Unique records | Action | Values suppressed |",
                "| spells | 10 | 12 | 0.4% | suppress | &lt;=7 |",
                "| Output | Rule | Cells | Cells suppressed | Action |",
                "| readmissions\\_by\\_month | counts &lt;= 7 suppressed (zeros disclosive), others rounded to the"
                        + " nearest 5; protection range 7 | 12 | 2 | suppressed 2 small counts; rounded the rest |",
                "readmissions\\_by\\_month lists every combination of admission\\_month (the values found in the"
                        + " data), each listed whether or not anyone is in it.")
                .doesNotContain("| readmissions\\_by\\_month | 10 |");
        assertThat(html).contains("<h3>Aggregate outputs, by their cells</h3>",
                "<code>readmissions_by_month</code> lists every combination of admission_month");
    }

    @Test
    void theFacetGivesAnAggregatesCellsAndNoClasses() {
        ObjectNode complete = OpenLineageEvents.complete(SampleLineage.finished(), SampleLineage.COMPLETED);

        assertThat(LineageValidator.validate(complete)).isEmpty();
        JsonNode records = complete.at("/outputs/0/facets/trex_disclosure");
        assertThat(records.path("kind").asText()).isEqualTo("records");
        assertThat(records.path("kRequired").asInt()).isEqualTo(10);
        assertThat(records.path("valuesSuppressed").isNull()).as("0 values, a small count").isTrue();
        JsonNode aggregate = complete.at("/outputs/1/facets/trex_disclosure");
        assertThat(aggregate.path("kind").asText()).isEqualTo("aggregate");
        assertThat(aggregate.path("cells").asLong()).isEqualTo(12);
        assertThat(aggregate.path("cellsSuppressed").asLong()).isEqualTo(2);
        assertThat(aggregate.path("rule").asText()).startsWith("counts <= 7 suppressed");
        assertThat(aggregate.path("groups").asText()).startsWith("every combination of admission_month");
        assertThat(aggregate.has("kRequired") || aggregate.has("smallestClass") || aggregate.has("uniqueShare"))
                .isFalse();
    }

    @Test
    void theSchemaRefusesClassesForAnAggregate() {
        ObjectNode complete = OpenLineageEvents.complete(SampleLineage.finished(), SampleLineage.COMPLETED);
        ((ObjectNode) complete.at("/outputs/1/facets/trex_disclosure")).put("kRequired", 5).put("smallestClass", 0);

        assertThat(LineageValidator.validate(complete)).isNotEmpty().allSatisfy(problem ->
                assertThat(problem).startsWith("$.outputs[1].facets.trex_disclosure"));
    }
}
