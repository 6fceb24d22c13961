package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/**
 * A records output whose spec lists another pseudonym (the spell's) before the person's, staged over several parts,
 * still has each person's rows in one part: the person's pseudonym leads the rows' order. The release register keys
 * an output's people by pseudonym, and a 5M run of such a spec failed to record its release when each part named the
 * same person again; the rows come in the person's order, and each part's people once.
 */
class PersonsRowsAreInOnePartWhateverPseudonymLeadsTest {
    private static final StructType SCHEMA = new StructType()
            .add("spell", DataTypes.StringType).add("person", DataTypes.StringType).add("n", DataTypes.IntegerType);

    @TempDir
    Path folder;

    @Test
    void eachPersonIsCountedInOnePartAndTheRowsFollowThePerson() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            // Three spells a person, whose pseudonyms fall in different parts from their person's.
            rows.add(RowFactory.create(DigestUtils.sha256Hex("spell" + i), DigestUtils.sha256Hex("person" + i % 300),
                    i));
        }
        OutputWriter writer = new OutputWriter(TestSpark.session(), Files.createDirectory(folder.resolve("data")), 4);

        OutputWriter.Staged staged = writer.stage("spells",
                TestSpark.session().createDataFrame(rows, SCHEMA).repartition(3), List.of("spell", "person"),
                List.of(), Optional.of("person"));
        OutputWriter.Written written = writer.publish(staged);

        assertThat(staged.parts()).hasSize(4);
        Map<String, Integer> partsNaming = new HashMap<>();
        for (Path file : written.people()) {
            for (String line : Files.readAllLines(file)) {
                assertThat(line).endsWith("\t3");
                partsNaming.merge(line.split("\t")[0], 1, Integer::sum);
            }
        }
        assertThat(partsNaming).hasSize(300).allSatisfy((person, parts) -> assertThat(parts).isEqualTo(1));
        List<String> persons = Files.readAllLines(folder.resolve("data/spells.csv")).stream().skip(1)
                .map(line -> line.split(",")[1]).toList();
        assertThat(persons).hasSize(900).isSorted();
    }
}
