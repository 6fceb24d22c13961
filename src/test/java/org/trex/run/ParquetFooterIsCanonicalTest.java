package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.RowGroup;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/**
 * A Parquet footer whose encodings a JVM listed in another order is rewritten to the same bytes, with the rows
 * unchanged: the order Parquet's writer picks follows identity hash codes, which differ between JVMs.
 */
class ParquetFooterIsCanonicalTest {
    private static final StructType SCHEMA = new StructType()
            .add("person", DataTypes.StringType).add("sex", DataTypes.StringType)
            .add("delay_days", DataTypes.IntegerType);

    @TempDir
    Path folder;

    @Test
    void encodingsListedInAnyOrderGiveTheSameFile() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(RowFactory.create(String.format("%064x", i * 7919L), i % 3 == 0 ? null : String.valueOf(i % 2 + 1),
                    i % 7 == 0 ? null : i % 40));
        }
        Dataset<Row> data = TestSpark.session().createDataFrame(rows, SCHEMA).coalesce(1);
        Path written = StagedParts.write(TestSpark.session(), data, Files.createDirectory(folder.resolve("p")),
                Files.createDirectory(folder.resolve("c")), "zstd", List.of("person"), List.of(), Optional.empty())
                .parts().get(0).parquet();
        Path ascending = Files.copy(written, folder.resolve("ascending.parquet"));
        Path descending = Files.copy(written, folder.resolve("descending.parquet"));
        ParquetFooter.rewrite(ascending, metadata -> chunks(metadata.getRow_groups())
                .forEach(c -> c.getMeta_data().getEncodings().sort(Encoding::compareTo)));
        ParquetFooter.rewrite(descending, metadata -> chunks(metadata.getRow_groups())
                .forEach(c -> c.getMeta_data().getEncodings().sort(Collections.reverseOrder(Encoding::compareTo))));
        assertThat(Files.readAllBytes(ascending)).as("footers listing encodings in two orders")
                .isNotEqualTo(Files.readAllBytes(descending));

        ParquetFooter.canonicalise(ascending);
        ParquetFooter.canonicalise(descending);

        assertThat(Files.readAllBytes(descending)).isEqualTo(Files.readAllBytes(ascending));
        List<List<Encoding>> encodings = new ArrayList<>();
        ParquetFooter.rewrite(descending, metadata -> chunks(metadata.getRow_groups())
                .forEach(c -> encodings.add(List.copyOf(c.getMeta_data().getEncodings()))));
        assertThat(encodings).isNotEmpty().anySatisfy(e -> assertThat(e).hasSizeGreaterThan(1))
                .allSatisfy(e -> assertThat(e)
                        .isSortedAccordingTo((a, b) -> Integer.compare(a.getValue(), b.getValue())));
        assertThat(TestSpark.session().read().parquet(descending.toString()).collectAsList())
                .containsExactlyElementsOf(rows);
    }

    @Test
    void aFileWithoutAParquetFooterIsRefusedByName() throws Exception {
        Path csv = Files.writeString(folder.resolve("spells.parquet"), "person,sex\nabc,1\n");

        assertThatThrownBy(() -> ParquetFooter.canonicalise(csv))
                .hasMessage("Cannot canonicalise the Parquet footer of " + csv
                        + ": it does not end in a plain (unencrypted) Parquet footer");
    }

    private static List<ColumnChunk> chunks(List<RowGroup> groups) {
        return groups.stream().flatMap(g -> g.getColumns().stream()).toList();
    }
}
