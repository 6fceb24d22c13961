package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.nhs.NhsNumber;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.Applicability;
import org.trex.spec.DisclosureRules;
import org.trex.spec.ExtractSpec;
import org.trex.spec.KAnonymityAction;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestSpark;

/**
 * Rows leave sorted on their content, whole, however many partitions read and sort them: the CSV and the
 * Parquet file hold the same rows in the same order, the leading pseudonym never goes down, and the same
 * rows give the same CSV bytes with 1, 3 or 5 partitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputIsSortedWholeTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final int PEOPLE = 150;

    final PseudonymKey key = PseudonymKey.fromHex("cd".repeat(32), "test");
    DatabaseUrl url;

    @TempDir
    Path out;

    @BeforeAll
    void loadSource() throws Exception {
        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (int i = 0; i < PEOPLE; i++) {
                String nine = "999" + String.format("%06d", 100 + i);
                int check = NhsNumber.checkDigit(nine);
                String number = check < 10 ? nine + check : null;
                LocalDate discharged = LocalDate.of(2024, 5, 1).plusDays(i % 200);
                fixture.spell(number, discharged.minusDays(i % 9), discharged, discharged.minusDays(i % 3));
                fixture.spell(number, discharged.minusDays(20), discharged.minusDays(15), null);
            }
            fixture.nationalList(LocalDate.of(2025, 6, 1));
        }
    }

    private Path run(int partitions) throws Exception {
        return run(partitions, AS_OF, "p" + partitions).data();
    }

    private record Run(Path data, List<OutputResult> results) {
    }

    private Run run(int partitions, LocalDate asOf, String folder) throws Exception {
        ExtractSpec spec = Specs.spec(Specs.cohort(List.of()), List.of(Specs.spells(), Specs.delaysByBand()));
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(spec,
                Specs.policy(Applicability.APPLIES, Applicability.APPLIES,
                        new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1)),
                asOf, "{}", "{}");
        Path data = Files.createDirectories(out.resolve(folder));
        List<OutputResult> results = new ExtractJob(TestSpark.session(), url, SourceCatalog.standard(), partitions)
                .run(plan, org.trex.optout.OptOutLoader.load(url, plan.exclusions()), key, data).outputs();
        return new Run(data, results);
    }

    @Test
    void anEmptyCohortGivesEmptyFilesWithTheirHeaders() throws Exception {
        Run empty = run(3, LocalDate.of(2020, 1, 1), "empty");

        assertThat(empty.results().get(0).rowsWritten()).isZero();
        assertThat(Files.readString(empty.data().resolve("spells.csv")))
                .isEqualTo("person,spell,age_band,sex,discharge_month,admission_day,delay_days,delay_band\n");
        // An empty table still lists its bands, each count zero (suppressed: the policy holds zeros disclosive).
        assertThat(Files.readString(empty.data().resolve("delays_by_band.csv"))).isEqualTo(
                "delay_band,discharges,people,emergency\n0,,,\n1,,,\n2-3,,,\n4-6,,,\n7-13,,,\n14-20,,,\n21+,,,\n");
        assertThat(TestSpark.session().read().parquet(empty.data().resolve("spells.parquet").toString()).count())
                .isZero();
    }

    @Test
    void csvAndParquetHoldTheSameRowsInOneOrderWhateverThePartitions() throws Exception {
        Path three = run(3);
        List<String> csv = Files.readAllLines(three.resolve("spells.csv"));
        List<String> rows = csv.subList(1, csv.size());
        List<String> people = rows.stream().map(line -> line.substring(0, line.indexOf(','))).toList();
        List<String> parquet = TestSpark.session().read().parquet(three.resolve("spells.parquet").toString())
                .collectAsList().stream().map(OutputIsSortedWholeTest::csvLine).toList();

        assertThat(rows).hasSizeGreaterThan(PEOPLE);
        assertThat(people).isSorted();
        assertThat(parquet).containsExactlyElementsOf(rows);
        assertThat(Files.readAllBytes(run(1).resolve("spells.csv")))
                .isEqualTo(Files.readAllBytes(three.resolve("spells.csv")));
        assertThat(Files.readAllBytes(run(5).resolve("spells.csv")))
                .isEqualTo(Files.readAllBytes(three.resolve("spells.csv")));
    }

    private static String csvLine(Row row) {
        return java.util.stream.IntStream.range(0, row.length())
                .mapToObj(i -> row.isNullAt(i) ? "" : row.get(i).toString())
                .collect(Collectors.joining(","));
    }
}
