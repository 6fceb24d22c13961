package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/** Staging writes the columns it is told hold pseudonyms without a Parquet dictionary, and the others with one. */
class PseudonymColumnsSkipTheDictionaryTest {
    private static final StructType SCHEMA = new StructType()
            .add("person", DataTypes.StringType).add("sex", DataTypes.StringType);

    @TempDir
    Path folder;

    @Test
    void onlyThePlainColumnsAreWrittenWithoutADictionary() throws Exception {
        List<Row> rows = new ArrayList<>();
        // A person has several rows: a dictionary would pay off here, so only the setting keeps it away.
        for (int i = 0; i < 2000; i++) {
            rows.add(RowFactory.create(String.format("%064x", i / 5 * 7919L), i % 2 == 0 ? "1" : "2"));
        }
        Dataset<Row> data = TestSpark.session().createDataFrame(rows, SCHEMA).coalesce(1);

        StagedParts.Part part = StagedParts.write(TestSpark.session(), data, Files.createDirectory(folder.resolve("p")),
                Files.createDirectory(folder.resolve("c")), "zstd", List.of("person"), List.of(), Optional.empty())
                .parts().get(0);

        assertThat(encodings(part.parquet(), "person"))
                .doesNotContain(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY)
                .contains(Encoding.PLAIN);
        assertThat(encodings(part.parquet(), "sex")).containsAnyOf(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
        assertThat(TestSpark.session().read().parquet(part.parquet().toString()).collectAsList())
                .containsExactlyElementsOf(rows);
    }

    private static Set<Encoding> encodings(Path parquet, String column) throws Exception {
        Set<Encoding> encodings = new HashSet<>();
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(parquet.toUri()), new Configuration()))) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData chunk : block.getColumns()) {
                    if (chunk.getPath().toDotString().equals(column)) {
                        encodings.addAll(chunk.getEncodings());
                    }
                }
            }
        }
        assertThat(encodings).as("encodings of " + column).isNotEmpty();
        return encodings;
    }
}
