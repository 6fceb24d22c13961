package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lineage leaves the TRE, so it publishes no count more exact than disclosure control lets the data be: each goes
 * through the policy's suppression and rounding, as the linkage section's do (at or below 7 shown as &lt;=7, the rest
 * rounded to 5), but a data file's rows, which the file shows anyway. An aggregate's rows out (the rows it counted,
 * 924, where its file suppressed that very count) are not given at all: its cells show them. The run published
 * "delays_summary | aggregate | 1,009 | 85 | 924", "Invalid NHS number | 12" and "Local objection | 61 | 8".
 */
class LineageShowsCountsAsDisclosureControlDoesTest {
    private static final String DIGEST = "0".repeat(63) + "5";

    private static LineageRun run() {
        LineageRun sample = SampleLineage.finished();
        Output summary = new Output("delays_summary", OutputKind.AGGREGATE, SampleLineage.spells().name(),
                List.of(new Field("discharges", "bigint")),
                List.of(new OutputFile("data/delays_summary.csv", FileFormat.CSV, 1, 107, DIGEST)),
                new Reconciliation(1_009, 85, 924), DIGEST, List.of(), Optional.empty());
        List<Exclusion> exclusions = List.of(new Exclusion("missing_nhs_number", 70, 0),
                new Exclusion("invalid_nhs_number", 12, 0), new Exclusion("local_objection", 61, 8),
                new Exclusion("type1_opt_out", 3, 2));
        return sample.finished(List.of(SampleLineage.spells().read(1_009), SampleLineage.people().read(697)),
                exclusions, List.of(sample.outputs().get(0), summary), sample.linkage().orElseThrow());
    }

    @Test
    void theReportsShowEveryCountAsTheRulesDo() {
        String md = LineageReport.markdown(run(), SampleLineage.COMPLETED);
        String html = LineageReport.html(run(), SampleLineage.COMPLETED);

        assertThat(md).contains(
                "Rows read by the 2 outputs: 1,705.",
                "| Invalid NHS number | invalid\\_nhs\\_number | 10 | not countable (no valid NHS number) |",
                "| Local objection | local\\_objection | 60 | 10 |",
                "| Type 1 opt-out | type1\\_opt\\_out | &lt;=7 | &lt;=7 |",
                "| spells | records | 44,010 | 2,135 | 41,877 |",
                "| delays\\_summary | aggregate | 1,010 | 85 | counted in its cells (1 group) |",
                "Data source postgres://localhost:5432; 1,010 rows read",
                "(counts at or below 7 suppressed (zeros disclosive), the rest rounded to the nearest 5)");
        assertThat(html).contains("1,705 rows", "&lt;&#61;7 rows (suppressed)", "into 1 group",
                "after 85 left out at this output; its counts are its cells");
        for (String report : List.of(md, html)) {
            assertThat(report).doesNotContain("1,009", "924", "number | 12 |", "objection | 61 |", "| 8 |", "1,706");
        }
    }

    @Test
    void theEventsShowEveryCountAsTheRulesDo() {
        ObjectNode complete = OpenLineageEvents.complete(run(), SampleLineage.COMPLETED);

        assertThat(LineageValidator.validate(complete)).isEmpty();
        assertThat(complete.at("/run/facets/trex_policy/shownCounts").toString())
                .isEqualTo("{\"suppressedAtOrBelow\":7,\"roundTo\":5,\"zeros\":\"disclosive\"}");
        JsonNode summary = complete.at("/run/facets/trex_reconciliation/outputs/1");
        assertThat(summary.toString()).isEqualTo(
                "{\"name\":\"delays_summary\",\"kind\":\"aggregate\",\"rowsIn\":1010,\"rowsLeftOut\":85}");
        assertThat(complete.at("/run/facets/trex_reconciliation/outputs/0").toString()).isEqualTo(
                "{\"name\":\"spells\",\"kind\":\"records\",\"rowsIn\":44010,\"rowsLeftOut\":2135,\"rowsOut\":41877}");
        assertThat(complete.at("/run/facets/trex_exclusions/exclusions").toString()).isEqualTo("["
                + "{\"reason\":\"missing_nhs_number\",\"rows\":70,\"peopleCountable\":false,\"people\":null},"
                + "{\"reason\":\"invalid_nhs_number\",\"rows\":10,\"peopleCountable\":false,\"people\":null},"
                + "{\"reason\":\"local_objection\",\"rows\":60,\"peopleCountable\":true,\"people\":10},"
                + "{\"reason\":\"type1_opt_out\",\"rows\":null,\"peopleCountable\":true,\"people\":null}]");
        assertThat(complete.at("/inputs/0/inputFacets/inputStatistics/rowCount").asLong()).isEqualTo(1_010);
        assertThat(complete.at("/outputs/1/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(1);
        assertThat(complete.toString()).doesNotContain("924", "1009", "\"rows\":12", "\"rows\":61", "\"people\":8");
    }
}
