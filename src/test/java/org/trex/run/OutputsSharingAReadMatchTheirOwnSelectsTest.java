package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trex.generate.SyntheticData;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.plan.ScanPlan;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.LoadedSpec;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestSpark;

/**
 * The outputs on the cohort's index events share one read of the source, and what each then writes, reads and
 * leaves out is exactly what reading its own SELECT gives: the same bytes, the same counts, the same people.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputsSharingAReadMatchTheirOwnSelectsTest {
    private static final LocalDate AS_OF = SyntheticData.AS_OF;

    private final PseudonymKey key = PseudonymKey.fromHex("5e".repeat(32), "test");
    private DatabaseUrl url;

    @TempDir
    Path out;

    @BeforeAll
    void generate() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 4_000, 11);
    }

    @ParameterizedTest
    @ValueSource(strings = {"extracts/discharge-delays.yaml", "extracts/reablement-ascof-2d.yaml"})
    void sharedReadGivesEachOutputWhatItsOwnSelectGives(String file) throws Exception {
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(LoadedSpec.load(Path.of(file),
                SourceCatalog.standard()), AS_OF);
        ExtractPlan ownSelects = new ExtractPlan(plan.spec(), plan.policy(), plan.asOf(), plan.variables(),
                plan.outputs(), List.of(), plan.exclusions(), plan.cohortSql(), plan.specSha256(), plan.policySha256(),
                plan.boardSha256(), plan.planHash());
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
            assertThat(a.rowsWritten()).as(a.plan().name()).isEqualTo(b.rowsWritten());
            assertThat(a.contentSha256()).as(a.plan().name()).isEqualTo(b.contentSha256());
        }
        assertThat(shared.leftOut()).isEqualTo(own.leftOut());
        assertThat(shared.cells().cells()).isEqualTo(own.cells().cells());
    }

    private ExtractJob.Result run(ExtractPlan plan, String folder) throws Exception {
        Path data = Files.createDirectories(out.resolve(folder));
        return new ExtractJob(TestSpark.session(), url, SourceCatalog.standard(), 3)
                .run(plan, OptOutLoader.load(url, plan.exclusions()), key, data);
    }
}
