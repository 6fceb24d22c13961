package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.disclosure.CellStatus;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.ReleaseHistory;
import org.trex.linkage.CountedSection;
import org.trex.optout.ExclusionRules;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.LinkageQueries;
import org.trex.plan.Planner;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.AggregateOutput;
import org.trex.spec.Applicability;
import org.trex.spec.CountOf;
import org.trex.spec.DisclosureRules;
import org.trex.spec.DominanceRule;
import org.trex.spec.FieldForm;
import org.trex.spec.FieldSpec;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.MeasureSpec;
import org.trex.spec.Policy;
import org.trex.spec.RelativeWindow;
import org.trex.spec.ZeroCounts;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestSpark;

/**
 * The lineage's linkage section shows the index events included in each of its age bands and sexes, so an aggregate
 * of the cohort's spells by five-year age band and sex totals to it over the cells within each: a small cell the
 * aggregate's own totals leave hidden, the section's count of its band would give back, and disclosure control
 * suppresses a complement there, saying why. Counted on the source, as a run counts the section, and decided by the
 * run's job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CellsTheLinkageSectionWouldGiveAwayAreProtectedTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 15);
    /** Threshold 7, no rounding, zeros published: a shown count is exact, and the section shows every band's. */
    private static final DisclosureRules EXACT = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1,
            ZeroCounts.SAFE, 7, DominanceRule.DEFAULT);

    private final PseudonymKey key = PseudonymKey.fromHex("cd".repeat(32), "test");
    private DatabaseUrl url;
    private ExtractPlan plan;
    private ExclusionRules rules;

    @TempDir
    Path out;

    @BeforeAll
    void loadSpells() throws Exception {
        url = TestDatabase.fresh();
        int number = 0;
        try (SourceFixture fixture = SourceFixture.on(url)) {
            // Age at discharge 72, 87 and 94: five-year bands 70-74, 85-89 and 90+; the section's 65-74 and 85+.
            Map<String, int[]> spellsBySex = Map.of("1952-01-01", new int[] {40, 8}, "1937-01-01", new int[] {20, 3},
                    "1930-01-01", new int[] {20, 20});
            for (Map.Entry<String, int[]> born : spellsBySex.entrySet()) {
                for (int sex = 1; sex <= 2; sex++) {
                    for (int i = 0; i < born.getValue()[sex - 1]; i++) {
                        fixture.spellWith(SourceFixture.nhsNumber(++number), DISCHARGED.minusDays(5), DISCHARGED,
                                "date_of_birth=" + born.getKey(), "sex=" + sex);
                    }
                }
            }
        }
        AggregateOutput byAge = new AggregateOutput("by_age", "inpatient_spell", RelativeWindow.INDEX_DAY,
                List.of(new FieldSpec("age_band", "date_of_birth", FieldForm.AGE_BAND),
                        new FieldSpec("sex", "sex", FieldForm.AS_IS)),
                List.of(new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty())));
        Policy policy = Specs.policy(Applicability.EXEMPT, Applicability.EXEMPT, EXACT);
        plan = new Planner(SourceCatalog.standard()).plan(Specs.spec(Specs.cohort(List.of()), List.of(byAge)),
                policy, AS_OF, "{}", "{}");
        rules = OptOutLoader.load(url, plan.exclusions());
    }

    @Test
    void aComplementIsSuppressedInTheBandTheSectionWouldGiveAway() throws Exception {
        CountedSection counts = CountedSection.of(new LinkageQueries(SourceCatalog.standard()).count(plan, rules, url),
                plan.policy().disclosure(), plan.policy().biasWarningPoints());

        Map<String, DecidedCell> cells = decided(run("with", Optional.of(counts)));

        assertThat(cells.get("age_band=85-89, sex=2").status()).isEqualTo(CellStatus.SMALL_COUNT);
        // The aggregate's own total (the rows in, shown exactly) needs one complement, the smallest that hides the
        // 3; the section's 65-74 then gives that one back, and its 85+ the 3, so each band gets one more.
        assertThat(cells.get("age_band=70-74, sex=2").status()).isEqualTo(CellStatus.COMPLEMENTARY);
        assertThat(cells.get("age_band=70-74, sex=1").status()).isEqualTo(CellStatus.COMPLEMENTARY);
        assertThat(cells.get("age_band=70-74, sex=1").reason()).isEqualTo("protects by_age.discharges{age_band=70-74,"
                + " sex=2}, which an attacker could otherwise narrow to [8, 8] given the rows in and left out of output"
                + " by_age in the lineage and the index events included in age band 65-74 in the linkage section and"
                + " the index events included in sex Female in the linkage section");
        List<DecidedCell> oldest = cells.entrySet().stream().filter(e -> e.getKey().startsWith("age_band=85-89")
                || e.getKey().startsWith("age_band=90+")).map(Map.Entry::getValue)
                .filter(c -> c.status() == CellStatus.COMPLEMENTARY).toList();
        assertThat(oldest).singleElement().extracting(DecidedCell::reason).isEqualTo("protects"
                + " by_age.discharges{age_band=85-89, sex=2}, which an attacker could otherwise narrow to [3, 3] given"
                + " the rows in and left out of output by_age in the lineage and the index events included in age band"
                + " 85+ in the linkage section and the index events included in sex Female in the linkage section");
    }

    @Test
    void withoutTheSectionTheAggregatesOwnTotalNeedsOneComplement() throws Exception {
        Map<String, DecidedCell> cells = decided(run("without", Optional.empty()));

        assertThat(cells.values().stream().filter(c -> c.status() == CellStatus.COMPLEMENTARY))
                .extracting(c -> c.key().dimensions().toString()).containsExactly("{age_band=70-74, sex=2}");
        assertThat(cells.get("age_band=90+, sex=1").status()).isEqualTo(CellStatus.PUBLISHED);
    }

    private ExtractJob.Result run(String name, Optional<CountedSection> counts) throws Exception {
        Path data = Files.createDirectories(out.resolve(name));
        return new ExtractJob(TestSpark.session(), url, SourceCatalog.standard(), 2)
                .run(plan, rules, key, data, ReleaseHistory.NONE, () -> counts);
    }

    /** The cells of the aggregate by their groups, "age_band=85-89, sex=2". */
    private static Map<String, DecidedCell> decided(ExtractJob.Result result) {
        Map<String, DecidedCell> cells = new TreeMap<>();
        result.cells().of("by_age").forEach(cell -> cells.put(cell.key().dimensions().toString()
                .replaceAll("[{}]", ""), cell));
        return cells;
    }
}
