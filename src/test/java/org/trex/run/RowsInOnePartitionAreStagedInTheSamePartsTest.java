package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/**
 * Rows that lie in one partition (a one-partition read's, the size of a council's) are sorted where they are, without
 * a shuffle, and cut into the writer's parts as rows over several partitions are spread: both give the same parts,
 * the same CSV and Parquet bytes, the same classes and the same people. How many partitions a read takes follows
 * PostgreSQL's estimate of its rows, which moves with its statistics, so a rerun on the same data may read in one
 * partition where the run before read in two; at 5M spells, one part against four gave Parquet files of 210,253,992 and
 * 210,115,761 bytes for the same rows. Rows with no pseudonym to cut by are staged as one part, however they came.
 */
class RowsInOnePartitionAreStagedInTheSamePartsTest {
    private static final StructType SCHEMA = new StructType()
            .add("person", DataTypes.StringType).add("sex", DataTypes.StringType).add("n", DataTypes.IntegerType);

    @TempDir
    Path folder;

    @Test
    void rowsInOnePartitionAndRowsInSeveralMakeTheSameParts() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 600; i > 0; i--) {
            // Two rows a person, whose pseudonyms spread over every range of hex.
            rows.add(RowFactory.create(DigestUtils.sha256Hex(Integer.toString(i / 2)), i % 3 == 0 ? "1" : "2", i));
        }
        Dataset<Row> data = TestSpark.session().createDataFrame(rows, SCHEMA);
        OutputWriter oneWriter = new OutputWriter(TestSpark.session(), Files.createDirectory(folder.resolve("a")), 4);
        OutputWriter severalWriter =
                new OutputWriter(TestSpark.session(), Files.createDirectory(folder.resolve("b")), 4);

        OutputWriter.Staged one = oneWriter.stage("spells", data.coalesce(1), List.of("person"), List.of("sex"),
                Optional.of("person"));
        OutputWriter.Staged several = severalWriter.stage("spells", data.repartition(3), List.of("person"),
                List.of("sex"), Optional.of("person"));

        assertThat(one.parts()).hasSize(4);
        assertThat(several.parts()).hasSize(4);
        assertThat(one.parts()).extracting(StagedParts.Part::rows)
                .containsExactlyElementsOf(several.parts().stream().map(StagedParts.Part::rows).toList());
        assertThat(one.classes().sizes()).containsExactlyInAnyOrderElementsOf(several.classes().sizes())
                .containsExactlyInAnyOrder(200L, 400L);
        OutputWriter.Written fromOne = oneWriter.publish(one);
        OutputWriter.Written fromSeveral = severalWriter.publish(several);
        assertThat(fromOne.contentSha256()).isEqualTo(fromSeveral.contentSha256());
        assertThat(fromOne.files()).extracting(WrittenFile::sha256)
                .containsExactlyElementsOf(fromSeveral.files().stream().map(WrittenFile::sha256).toList());
        assertThat(Files.readAllLines(folder.resolve("a/spells.csv"))).hasSize(601)
                .isEqualTo(Files.readAllLines(folder.resolve("b/spells.csv")));
        assertThat(TestSpark.session().read().parquet(folder.resolve("a/spells.parquet").toString()).collectAsList())
                .containsExactlyElementsOf(TestSpark.session().read()
                        .parquet(folder.resolve("b/spells.parquet").toString()).collectAsList());
        assertThat(people(fromOne)).hasSize(301).allSatisfy(line -> assertThat(line).matches("[0-9a-f]{64}\t[12]"))
                .isEqualTo(people(fromSeveral));
    }

    @Test
    void rowsWithNoPseudonymAreStagedAsOnePartHoweverTheyCame() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            rows.add(RowFactory.create("band-" + i % 7, i % 3 == 0 ? "1" : "2", i));
        }
        Dataset<Row> data = TestSpark.session().createDataFrame(rows, SCHEMA);
        OutputWriter oneWriter = new OutputWriter(TestSpark.session(), Files.createDirectory(folder.resolve("a")), 4);
        OutputWriter severalWriter =
                new OutputWriter(TestSpark.session(), Files.createDirectory(folder.resolve("b")), 4);

        OutputWriter.Staged one = oneWriter.stage("bands", data.coalesce(1), List.of(), List.of(), Optional.empty());
        OutputWriter.Staged several =
                severalWriter.stage("bands", data.repartition(3), List.of(), List.of(), Optional.empty());

        assertThat(one.parts()).hasSize(1);
        assertThat(several.parts()).hasSize(1);
        assertThat(oneWriter.publish(one).files()).extracting(WrittenFile::sha256).containsExactlyElementsOf(
                severalWriter.publish(several).files().stream().map(WrittenFile::sha256).toList());
        assertThat(Files.readAllLines(folder.resolve("a/bands.csv"))).hasSize(601);
    }

    /** Each person's line, {@code <pseudonym> TAB <rows>}, from every people file, in order. */
    private static List<String> people(OutputWriter.Written written) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path file : written.people()) {
            lines.addAll(Files.readAllLines(file));
        }
        return lines.stream().sorted().toList();
    }
}
