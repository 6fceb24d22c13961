package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.optout.ExclusionRules;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import org.trex.nhs.NhsNumber;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.Applicability;
import org.trex.spec.DisclosureRules;
import org.trex.spec.ExtractSpec;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.OutputSpec;
import org.trex.spec.Policy;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestSpark;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExclusionsAreAppliedBeforeAnythingLeavesTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 15);
    static final String KEPT = "9990000018";
    static final String OBJECTOR = "9990000026";
    static final String WITHDRAWN = "9990000034";
    static final String NATIONAL = "9990000042";
    static final String TYPE1 = "9990000050";
    static final String SPACED = "999 000 0069";
    static final String BAD_CHECK_DIGIT = "9990000019";
    static final String FUTURE_OBJECTOR = "9990000077";

    final PseudonymKey key = PseudonymKey.fromHex("ab".repeat(32), "test");
    DatabaseUrl url;

    @TempDir
    Path out;

    @BeforeAll
    void loadSource() throws Exception {
        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (String number : List.of(KEPT, OBJECTOR, WITHDRAWN, NATIONAL, TYPE1, SPACED, BAD_CHECK_DIGIT,
                    FUTURE_OBJECTOR)) {
                fixture.spell(number, DISCHARGED.minusDays(10), DISCHARGED, DISCHARGED.minusDays(3));
            }
            fixture.spell(null, DISCHARGED.minusDays(4), DISCHARGED, null);
            fixture.objection(fixture.person(OBJECTOR, LocalDate.of(1944, 3, 10), "LE1 5WW"),
                    LocalDate.of(2024, 1, 1), null);
            fixture.objection(fixture.person(WITHDRAWN, LocalDate.of(1944, 3, 10), "LE1 5WW"),
                    LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
            fixture.objection(fixture.person(FUTURE_OBJECTOR, LocalDate.of(1944, 3, 10), "LE1 5WW"),
                    AS_OF.plusDays(1), null);
            fixture.nationalList(LocalDate.of(2025, 6, 1), NATIONAL);
            fixture.gpCode(TYPE1, "9Nu0", LocalDate.of(2023, 5, 1));
        }
    }

    private ExtractJob.Result run(Policy policy, String name) {
        return run(policy, name, List.of(Specs.spells(), Specs.delaysByBand()));
    }

    private ExtractJob.Result run(Policy policy, String name, List<OutputSpec> outputs) {
        ExtractSpec spec = Specs.spec(Specs.cohort(List.of()), outputs);
        // Run on its as-of day: an objection recorded after it is not yet made (a later day's run applies it:
        // BackdatedRunAppliesObjectionsMadeSinceTest).
        Clock asOfDay = Clock.fixed(AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        ExtractPlan plan = new Planner(SourceCatalog.standard(), asOfDay).plan(spec, policy, AS_OF, "{}", "{}");
        ExclusionRules rules = OptOutLoader.load(url, plan.exclusions());
        Path data = out.resolve(name);
        try {
            Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ExtractJob(TestSpark.session(), url, SourceCatalog.standard(), 2).run(plan, rules, key, data);
    }

    private static Map<String, Long> leftOut(OutputResult result) {
        return result.excluded().stream().collect(Collectors.toMap(ExclusionCount::reason, ExclusionCount::rows));
    }

    @Test
    void objectorsOptOutsAndUncheckableNumbersAreLeftOutAndCounted() throws Exception {
        Policy policy = Specs.policy(Applicability.APPLIES, Applicability.APPLIES,
                new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1));
        ExtractJob.Result job = run(policy, "applies");
        OutputResult spells = job.outputs().get(0);

        assertThat(leftOut(spells)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "local_objection", 1L, "national_data_opt_out_or_unchecked", 1L, "invalid_nhs_number", 1L,
                "missing_nhs_number", 1L));
        assertThat(spells.rowsRead()).isEqualTo(9);
        assertThat(spells.rowsWritten()).isEqualTo(5).isEqualTo(spells.rowsRead() - spells.rowsLeftOut());
        // Both outputs read the same spells: the run counts each left-out row once per output, each person once,
        // in the order the checks apply; a missing or invalid number is no person to count.
        assertThat(job.leftOut()).containsExactly(
                new ExclusionCount("missing_nhs_number", 2, 0),
                new ExclusionCount("invalid_nhs_number", 2, 0),
                new ExclusionCount("local_objection", 2, 1),
                new ExclusionCount("national_data_opt_out_or_unchecked", 2, 1));

        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        String csv = Files.readString(out.resolve("applies/spells.csv"));
        for (String kept : List.of(KEPT, WITHDRAWN, TYPE1, SPACED, FUTURE_OBJECTOR)) {
            assertThat(csv).contains(pseudonymiser.pseudonym(NhsNumber.parse(kept)));
        }
        for (String gone : List.of(OBJECTOR, NATIONAL)) {
            assertThat(csv).doesNotContain(pseudonymiser.pseudonym(NhsNumber.parse(gone)));
        }
        for (String number : List.of(KEPT, OBJECTOR, WITHDRAWN, NATIONAL, TYPE1, "9990000069", BAD_CHECK_DIGIT)) {
            assertThat(csv).doesNotContain(number);
            assertThat(Files.readAllBytes(out.resolve("applies/spells.parquet"))).asString().doesNotContain(number);
        }
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("person,spell,age_band,sex,discharge_month,admission_day,delay_days,delay_band");
        assertThat(csv).contains(",80-84,2,2024-06,-10,3,2-3");
    }

    @Test
    void exemptNationalOptOutKeepsThoseOnTheList() {
        Policy policy = Specs.policy(Applicability.EXEMPT, Applicability.APPLIES,
                new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1));
        OutputResult spells = run(policy, "exempt").outputs().get(0);

        assertThat(leftOut(spells)).doesNotContainKey("national_data_opt_out_or_unchecked")
                .containsEntry("local_objection", 1L);
        assertThat(spells.rowsWritten()).isEqualTo(6);
    }

    @Test
    void aggregatesAreSuppressedAndRounded() throws Exception {
        Policy policy = Specs.policy(Applicability.APPLIES, Applicability.APPLIES,
                new DisclosureRules(1, KAnonymityAction.SUPPRESS, 3, 5));
        // Alone: beside the records output, whose file shows the five spells, the table would tell their band.
        OutputResult aggregate = run(policy, "aggregate", List.of(Specs.delaysByBand())).outputs().get(0);

        // Five kept spells, all in delay band 2-3: five is above 3 and rounds to 5; emergency counts all five too.
        // The other bands are listed, their zeros suppressed.
        assertThat(Files.readString(out.resolve("aggregate/delays_by_band.csv")))
                .isEqualTo("delay_band,discharges,people,emergency\n0,,,\n1,,,\n2-3,5,5,5\n4-6,,,\n7-13,,,\n"
                        + "14-20,,,\n21+,,,\n");
        assertThat(aggregate.rowsUsed()).isEqualTo(5);
        // Beside the spells file, which shows the five spells, 2-3's counts would say every spell is in it.
        run(policy, "beside-records");
        assertThat(Files.readString(out.resolve("beside-records/delays_by_band.csv")))
                .isEqualTo("delay_band,discharges,people,emergency\n0,,,\n1,,,\n2-3,,,\n4-6,,,\n7-13,,,\n"
                        + "14-20,,,\n21+,,,\n");
    }
}
