package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * OpenLineage's {@code outputStatistics.rowCount} is "the number of rows written to the dataset": an aggregate's is the
 * groups its files hold, not the source rows it counted (which are its cells' business, and may be suppressed there).
 */
class OutputStatisticsCountTheRowsWrittenTest {
    private static final String DIGEST = "0".repeat(63) + "4";

    @Test
    void anAggregatesRowCountIsItsGroups() {
        LineageRun run = SampleLineage.finished();
        List<Output> outputs = List.of(run.outputs().get(0), byBand(42, 42));
        ObjectNode event = OpenLineageEvents.complete(
                run.finished(run.sources(), run.exclusions(), outputs, run.linkage().orElseThrow()),
                SampleLineage.COMPLETED);

        assertThat(LineageValidator.validate(event)).isEmpty();
        assertThat(event.at("/outputs/1/name").asText()).endsWith("/data/delays_by_band");
        assertThat(event.at("/outputs/1/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(42);
        assertThat(event.at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(41_877);
    }

    @Test
    void filesOfOneOutputHoldTheSameRows() {
        assertThatThrownBy(() -> byBand(42, 41)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot describe lineage: output delays_by_band file data/delays_by_band.csv has 41 rows,"
                        + " file data/delays_by_band.parquet has 42");
    }

    private static Output byBand(long parquetRows, long csvRows) {
        return new Output("delays_by_band", OutputKind.AGGREGATE, SampleLineage.spells().name(),
                List.of(new Field("delay_band", "string"), new Field("discharges", "bigint")),
                List.of(new OutputFile("data/delays_by_band.parquet", FileFormat.PARQUET, parquetRows, 2_045, DIGEST),
                        new OutputFile("data/delays_by_band.csv", FileFormat.CSV, csvRows, 655, DIGEST)),
                new Reconciliation(1_009, 85, 924), DIGEST, List.of(), Optional.empty());
    }
}
