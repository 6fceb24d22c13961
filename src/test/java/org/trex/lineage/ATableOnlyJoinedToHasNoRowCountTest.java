package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The spells output reads its spells one row for one and joins each to its person: the people's table has no rows
 * read of its own, where the lineage said "&lt;=7 rows read" of it (a zero, suppressed), as if a handful of people had
 * been read. The report says why it has no count, and its input in the events has no row count.
 */
class ATableOnlyJoinedToHasNoRowCountTest {
    private static LineageRun run() {
        LineageRun sample = SampleLineage.finished();
        Source people = SampleLineage.people();
        Source joined = new Source(people.namespace(), people.name(), people.sql(), OptionalLong.empty(),
                people.fields());
        return sample.finished(List.of(SampleLineage.spells().read(1_009), joined), sample.exclusions(),
                sample.outputs(), sample.linkage().orElseThrow());
    }

    @Test
    void theReportsSayItsRowsAreNotCounted() {
        String md = LineageReport.markdown(run(), SampleLineage.COMPLETED);
        String html = LineageReport.html(run(), SampleLineage.COMPLETED);

        for (String report : List.of(md, html)) {
            assertThat(report).contains("1,010 rows read (summed over the outputs that read it)",
                    "rows not counted: the outputs only join to its rows or look them up, for the rows of the tables"
                            + " they read")
                    .doesNotContain("&lt;=7 rows read", "&lt;&#61;7 rows read", "&lt;&#61;7 (summed");
        }
        assertThat(md).contains("Rows read by the 2 outputs: 1,010.");
    }

    @Test
    void itsInputHasNoRowCount() {
        ObjectNode complete = OpenLineageEvents.complete(run(), SampleLineage.COMPLETED);

        assertThat(LineageValidator.validate(complete)).isEmpty();
        assertThat(complete.at("/inputs/0/name").asText()).isEqualTo("trex.health.inpatient_spell");
        assertThat(complete.at("/inputs/0/inputFacets/inputStatistics/rowCount").asLong()).isEqualTo(1_010);
        assertThat(complete.at("/inputs/1/name").asText()).isEqualTo("trex.social_care.person");
        assertThat(complete.at("/inputs/1/inputFacets").has("inputStatistics")).isFalse();
    }
}
