package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A records output's file shows its rows out exactly (1,007), so its rows in shown rounded (1,010) gave back its small
 * left out to within the rounding (0 to 5) beside the "&lt;=7"; the other output of its read, and the rows read of
 * their table, showed the same 1,010. Decided together, its rows in are suppressed beside the small count, and so are
 * those that would give them back; the rows out stay exact, as the file shows them anyway.
 */
class ARecordsOutputsSmallLeftOutIsNotItsRowsInLessItsFileTest {
    private static final String DIGEST = "0".repeat(63) + "7";

    private static LineageRun run() {
        LineageRun sample = SampleLineage.finished();
        Source spells = SampleLineage.spells().read(2_020);
        Source people = SampleLineage.people();
        Source joined = new Source(people.namespace(), people.name(), people.sql(), OptionalLong.empty(),
                people.fields());
        Output records = new Output("spells", OutputKind.RECORDS, spells.name(),
                List.of(new Field("person_pseudonym", "string")),
                List.of(new OutputFile("data/spells.csv", FileFormat.CSV, 1_007, 30_210, DIGEST)),
                new Reconciliation(1_010, 3, 1_007), DIGEST, List.of(), Optional.empty());
        Output counts = new Output("spells_by_month", OutputKind.AGGREGATE, spells.name(),
                List.of(new Field("spells", "bigint")),
                List.of(new OutputFile("data/spells_by_month.csv", FileFormat.CSV, 12, 140, DIGEST)),
                new Reconciliation(1_010, 3, 1_007), DIGEST, List.of(), Optional.empty());
        return sample.finished(List.of(spells, joined), List.of(new Exclusion("local_objection", 6, 3)),
                List.of(records, counts), sample.linkage().orElseThrow());
    }

    @Test
    void theReportShowsItsRowsInSuppressed() {
        String md = LineageReport.markdown(run(), SampleLineage.COMPLETED);

        assertThat(md).contains("Rows read by the 2 outputs: suppressed.",
                "| spells | records | suppressed | &lt;=7 | 1,007 |",
                "| spells\\_by\\_month | aggregate | suppressed | &lt;=7 | counted in its cells (12 groups) |",
                "| Local objection | local\\_objection | &lt;=7 | &lt;=7 |",
                "Data source postgres://localhost:5432; suppressed rows read")
                .doesNotContain("1,010", "2,020");
        assertThat(LineageReport.html(run(), SampleLineage.COMPLETED))
                .contains("rows suppressed", "&lt;&#61;7 rows (suppressed)").doesNotContain("1,010", "2,020");
    }

    @Test
    void theEventsShowItsRowsInAsNull() {
        ObjectNode complete = OpenLineageEvents.complete(run(), SampleLineage.COMPLETED);

        assertThat(LineageValidator.validate(complete)).isEmpty();
        assertThat(complete.at("/run/facets/trex_reconciliation/outputs").toString()).isEqualTo("["
                + "{\"name\":\"spells\",\"kind\":\"records\",\"rowsIn\":null,\"rowsLeftOut\":null,\"rowsOut\":1007},"
                + "{\"name\":\"spells_by_month\",\"kind\":\"aggregate\",\"rowsIn\":null,\"rowsLeftOut\":null}]");
        assertThat(complete.at("/inputs/0/inputFacets").has("inputStatistics")).isFalse();
    }
}
