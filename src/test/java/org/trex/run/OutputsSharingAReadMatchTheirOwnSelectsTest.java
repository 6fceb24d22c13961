package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trex.generate.SyntheticData;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.plan.ScanPlan;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.AggregateOutput;
import org.trex.spec.LoadedSpec;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestSpark;

/**
 * The outputs on the cohort's index events share one read of the source, and what each then writes, reads and
 * leaves out is exactly what reading its own SELECT gives: the same bytes, the same counts, the same people, the same
 * disclosure control. The read's aggregates name the people its records output counted, unless that output dropped
 * records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputsSharingAReadMatchTheirOwnSelectsTest {
    private static final LocalDate AS_OF = SyntheticData.AS_OF;

    private final PseudonymKey key = PseudonymKey.fromHex("5e".repeat(32), "test");
    private DatabaseUrl url;

    @TempDir
    Path out;
    private int projects;

    @BeforeAll
    void generate() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 4_000, 11);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "extracts/discharge-delays.yaml | [age_band, sex, discharge_month] | suppressed quasi-identifier values in "
                + "classes below k",
        "extracts/reablement-ascof-2d.yaml | [age_band, sex, discharge_month] | suppressed quasi-identifier values in "
                + "classes below k",
        // Two rare delay bands make classes below k that, blanked, are still below k together: they are dropped.
        "extracts/discharge-delays.yaml | [delay_band] | suppressed quasi-identifier values in classes below k, then "
                + "dropped 2 records still below k"})
    void sharedReadGivesEachOutputWhatItsOwnSelectGives(String file, String quasiIdentifiers, String action)
            throws Exception {
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(LoadedSpec.load(project(file, quasiIdentifiers),
                SourceCatalog.standard()), AS_OF);
        ExtractPlan ownSelects = new ExtractPlan(plan.spec(), plan.policy(), plan.asOf(), plan.optOutsOn(),
                plan.variables(), plan.outputs(), List.of(), plan.exclusions(), plan.cohortSql(), plan.specSha256(),
                plan.policySha256(), plan.boardSha256(), plan.planHash());
        assertThat(plan.scans()).hasSize(1);
        ScanPlan scan = plan.scans().get(0);
        assertThat(scan.outputs()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(output -> assertThat(plan.output(output).output().dataset()).isEqualTo("inpatient_spell"));

        ExtractJob.Result shared = run(plan, "shared-" + plan.spec().id());
        ExtractJob.Result own = run(ownSelects, "own-" + plan.spec().id());

        assertThat(shared.outputs()).hasSameSizeAs(own.outputs());
        for (int i = 0; i < own.outputs().size(); i++) {
            OutputResult a = shared.outputs().get(i);
            OutputResult b = own.outputs().get(i);
            assertThat(a.plan().name()).isEqualTo(b.plan().name());
            assertThat(a.rowsRead()).as(a.plan().name()).isPositive().isEqualTo(b.rowsRead());
            assertThat(a.excluded()).as(a.plan().name()).isNotEmpty().isEqualTo(b.excluded());
            assertThat(a.rowsUsed()).as(a.plan().name()).isEqualTo(b.rowsUsed());
            assertThat(a.rowsWritten()).as(a.plan().name()).isEqualTo(b.rowsWritten());
            assertThat(a.contentSha256()).as(a.plan().name()).isEqualTo(b.contentSha256());
            assertThat(a.disclosure()).as(a.plan().name()).isEqualTo(b.disclosure());
            assertThat(people(a)).as(a.plan().name()).isNotEmpty().isEqualTo(people(b));
        }
        // The aggregates name the records output's people where it counted the read's own (no record dropped).
        OutputResult records = shared.outputs().get(0);
        boolean dropped = records.excluded().stream()
                .anyMatch(c -> c.reason().equals(ExclusionCount.DISCLOSURE_SUPPRESSED));
        assertThat(shared.outputs()).filteredOn(o -> o.plan().output() instanceof AggregateOutput).isNotEmpty()
                .allSatisfy(o -> assertThat(o.people().equals(records.people())).isEqualTo(!dropped));
        // Rows kept in memory are measured before they are staged, rows read for one output as they are staged: the
        // records output has small classes, so both ways suppress, and come to the same classes, counts and files.
        assertThat(shared.outputs()).filteredOn(o -> !o.plan().quasiIdentifiers().isEmpty()).singleElement()
                .satisfies(o -> {
                    assertThat(o.disclosure().action()).isEqualTo(action);
                    // What was read is what was used and what was left out, records dropped by disclosure control too.
                    assertThat(o.rowsUsed()).isEqualTo(o.rowsWritten());
                    assertThat(o.rowsRead()).isEqualTo(o.rowsUsed()
                            + o.excluded().stream().mapToLong(ExclusionCount::rows).sum());
                });
        assertThat(shared.leftOut()).isEqualTo(own.leftOut());
        assertThat(shared.cells().cells()).isEqualTo(own.cells().cells());
    }

    /** The people an output's files count, each with their rows, whichever files they are split across. */
    private static Map<String, Long> people(OutputResult output) throws IOException {
        Map<String, Long> people = new TreeMap<>();
        for (Path file : output.people()) {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.split("\t");
                people.merge(fields[0], Long.parseLong(fields[1]), Long::sum);
            }
        }
        return people;
    }

    /** The shipped spec in a copy of its project, with the records output's quasi-identifiers as given. */
    private Path project(String file, String quasiIdentifiers) throws IOException {
        Path project = Files.createDirectories(out.resolve("project-" + projects++));
        for (String folder : List.of("definitions", "policies")) {
            Path copy = Files.createDirectories(project.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (Path source : files.toList()) {
                    Files.copy(source, copy.resolve(source.getFileName()));
                }
            }
        }
        Path spec = Files.createDirectories(project.resolve("extracts")).resolve(Path.of(file).getFileName());
        String shipped = Files.readString(Path.of(file));
        String declared = "quasi_identifiers: [age_band, sex, discharge_month]";
        assertThat(shipped).contains(declared);
        return Files.writeString(spec, shipped.replace(declared, "quasi_identifiers: " + quasiIdentifiers));
    }

    private ExtractJob.Result run(ExtractPlan plan, String folder) throws Exception {
        Path data = Files.createDirectories(out.resolve(folder));
        return new ExtractJob(TestSpark.session(), url, SourceCatalog.standard(), 3)
                .run(plan, OptOutLoader.load(url, plan.exclusions()), key, data);
    }
}
