package org.trex.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/**
 * A partition cut into slices' parts must come in the order of its sort key: a row of an earlier slice after a later
 * slice's would be in no part, so staging fails, naming the partition, rather than leave the row out.
 */
class RowsOutOfTheirKeysOrderFailTheirSlicingTest {
    private static final StructType KEYED = new StructType()
            .add("name", DataTypes.StringType).add("key", DataTypes.LongType, false);

    @TempDir
    Path folder;

    @Test
    void aRowOfAnEarlierSliceAfterALaterOneFailsTheStaging() throws Exception {
        // Sort keys are signed with the top bit flipped: the last slice of four, then the first.
        long lastSlice = 0x4000_0000_0000_0000L;
        long firstSlice = Long.MIN_VALUE;
        var rows = TestSpark.session().createDataFrame(List.of(RowFactory.create("late", lastSlice),
                RowFactory.create("early", firstSlice)), KEYED).coalesce(1);
        Path parquet = Files.createDirectory(folder.resolve("parquet"));
        Path csv = Files.createDirectory(folder.resolve("csv"));

        assertThatThrownBy(() -> StagedParts.write(TestSpark.session(), rows, parquet, csv, "zstd", List.of(),
                List.of(), Optional.of(new StagedParts.SortKey(List.of("name"), Optional.of(new HexRangeBuckets(4))))))
                .rootCause().hasMessage("Cannot stage partition 0 in " + parquet + ": its rows did not arrive in the "
                        + "order of their sort key");
    }
}
