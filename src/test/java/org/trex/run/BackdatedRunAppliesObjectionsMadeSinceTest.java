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
import org.trex.nhs.NhsNumber;
import org.trex.optout.NationalList;
import org.trex.optout.NationalListStatus;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.PlanFormat;
import org.trex.plan.PlanReport;
import org.trex.plan.Planner;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
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
 * A run as of a past date reads the events up to that date, but what leaves, leaves now: an objection recorded since
 * the as-of date applies (the right to object does not wait for the next as-of date), one withdrawn since no longer
 * does, and the national data opt-out is checked against the newest list loaded by the day of the run, not the one
 * that was newest on the as-of date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackdatedRunAppliesObjectionsMadeSinceTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final LocalDate RUN_DAY = LocalDate.of(2025, 8, 1);
    static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 15);
    static final String KEPT = "9990000018";
    static final String OBJECTED_SINCE = "9990000026";
    static final String WITHDRAWN_SINCE = "9990000034";
    static final String OPTED_OUT_SINCE = "9990000042";

    final PseudonymKey key = PseudonymKey.fromHex("cd".repeat(32), "test");
    DatabaseUrl url;

    @TempDir
    Path out;

    @BeforeAll
    void loadSource() throws Exception {
        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (String number : List.of(KEPT, OBJECTED_SINCE, WITHDRAWN_SINCE, OPTED_OUT_SINCE)) {
                fixture.spell(number, DISCHARGED.minusDays(10), DISCHARGED, DISCHARGED.minusDays(3));
            }
            fixture.objection(fixture.person(OBJECTED_SINCE, LocalDate.of(1944, 3, 10), "LE1 5WW"),
                    AS_OF.plusDays(5), null);
            fixture.objection(fixture.person(WITHDRAWN_SINCE, LocalDate.of(1944, 3, 10), "LE1 5WW"),
                    LocalDate.of(2024, 1, 1), AS_OF.plusDays(10));
            fixture.nationalList(LocalDate.of(2025, 6, 1));
            fixture.nationalList(AS_OF.plusDays(20), OPTED_OUT_SINCE);
        }
    }

    @Test
    void whatLeavesNowLeavesOutWhoObjectsNow() throws Exception {
        ExtractPlan plan = plan(RUN_DAY);
        Path data = Files.createDirectories(out.resolve("backdated"));

        ExtractJob.Result job = new ExtractJob(TestSpark.session(), url, SourceCatalog.standard(), 2)
                .run(plan, OptOutLoader.load(url, plan.exclusions()), key, data);

        assertThat(plan.optOutsOn()).isEqualTo(RUN_DAY);
        Map<String, Long> leftOut = job.outputs().get(0).excluded().stream()
                .collect(Collectors.toMap(ExclusionCount::reason, ExclusionCount::rows));
        assertThat(leftOut).containsExactlyInAnyOrderEntriesOf(Map.of("local_objection", 1L,
                "national_data_opt_out_or_unchecked", 1L));
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        String csv = Files.readString(data.resolve("spells.csv"));
        for (String kept : List.of(KEPT, WITHDRAWN_SINCE)) {
            assertThat(csv).contains(pseudonymiser.pseudonym(NhsNumber.parse(kept)));
        }
        for (String gone : List.of(OBJECTED_SINCE, OPTED_OUT_SINCE)) {
            assertThat(csv).doesNotContain(pseudonymiser.pseudonym(NhsNumber.parse(gone)));
        }
        NationalList list = NationalList.on(url, plan.policy(), plan.asOf(), plan.optOutsOn());
        assertThat(list.listDate()).contains(AS_OF.plusDays(20));
        assertThat(list.status()).isEqualTo(NationalListStatus.CURRENT);
        assertThat(PlanReport.render(plan, java.util.Optional.empty(), PlanFormat.TEXT)).contains(
                "  Objections and opt-outs as they stand on: 2025-08-01 (today: one made since the as-of date applies"
                        + " to what leaves now)\n");
    }

    @Test
    void aRunOnItsAsOfDayChecksThemOnThatDay() {
        ExtractPlan plan = plan(AS_OF);

        assertThat(plan.optOutsOn()).isEqualTo(AS_OF);
        assertThat(plan.exclusions().queries().get(0).sql()).contains("'2025-06-30'").doesNotContain("2025-08-01");
        assertThat(plan.exclusions().queries().get(0).sqlTemplate()).contains(":opt_outs_on");
    }

    private ExtractPlan plan(LocalDate today) {
        ExtractSpec spec = Specs.spec(Specs.cohort(List.of()), List.of(Specs.spells()));
        Clock clock = Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        // k of 1: every kept record leaves, so the records left out are those the opt-outs leave out.
        return new Planner(SourceCatalog.standard(), clock).plan(spec, Specs.policy(Applicability.APPLIES,
                Applicability.APPLIES, new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1)), AS_OF, "{}", "{}");
    }
}
