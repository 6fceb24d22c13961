package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.Applicability;
import org.trex.spec.DisclosureRules;
import org.trex.spec.ExtractSpec;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.Policy;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestSpark;

/**
 * People are told apart by a valid NHS number. A placeholder many share (0000000000) or a mistyped number tells no one
 * apart, so a run counts the rows left out for an invalid number as rows alone, with their people not countable, as it
 * does for a missing number (it said 3 people for 4 rows: a placeholder counted as one person, each mistyped number as
 * another); and a council record objected to whose number is invalid adds its rows to the objection, but no person.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunCountsNoPeopleWithAnInvalidNhsNumberTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 15);
    static final String OBJECTOR = "9990000018";
    static final String KEPT = "9990000026";
    static final String PLACEHOLDER = "0000000000";
    static final String BAD_CHECK_DIGIT = "9990000019";
    static final String TOO_SHORT = "999000002";

    ExtractJob.Result job;

    @BeforeAll
    void run(@TempDir Path out) throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (String number : List.of(KEPT, OBJECTOR, PLACEHOLDER, PLACEHOLDER, BAD_CHECK_DIGIT, TOO_SHORT)) {
                fixture.spell(number, DISCHARGED.minusDays(10), DISCHARGED, DISCHARGED.minusDays(3));
            }
            councilRecord(fixture, KEPT);
            fixture.objection(councilRecord(fixture, OBJECTOR), DISCHARGED, null);
            fixture.objection(councilRecord(fixture, PLACEHOLDER), DISCHARGED, null);
            fixture.nationalList(LocalDate.of(2025, 6, 1));
        }
        ExtractSpec spec = Specs.spec(Specs.cohort(List.of()), List.of(Specs.spells(), Specs.socialCareEvents()));
        Policy policy = Specs.policy(Applicability.APPLIES, Applicability.APPLIES,
                new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1));
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(spec, policy, AS_OF, "{}", "{}");
        job = new ExtractJob(TestSpark.session(), url, SourceCatalog.standard(), 2).run(plan,
                OptOutLoader.load(url, plan.exclusions()), PseudonymKey.fromHex("cd".repeat(32), "test"),
                Files.createDirectories(out.resolve("data")));
    }

    private static long councilRecord(SourceFixture fixture, String nhsNumber) throws Exception {
        long person = fixture.person(nhsNumber, LocalDate.of(1944, 3, 10), "LE1 5WW");
        fixture.service(person, "Long term support: Community", "Home support or domiciliary care",
                DISCHARGED.minusDays(30), null);
        return person;
    }

    private Map<String, ExclusionCount> leftOut(String output) {
        return job.outputs().stream().filter(o -> o.plan().name().equals(output)).findFirst().orElseThrow()
                .excluded().stream().collect(Collectors.toMap(ExclusionCount::reason, Function.identity()));
    }

    @Test
    void rowsWithAnInvalidNumberAreCountedAsRowsAlone() {
        ExclusionCount invalid = leftOut("spells").get("invalid_nhs_number");

        assertThat(invalid).isEqualTo(new ExclusionCount("invalid_nhs_number", 4, 0));
        assertThat(invalid.peopleCountable()).isFalse();
        assertThat(invalid.describe()).isEqualTo("4 rows, people not countable (no valid NHS number)");
        assertThat(job.leftOut()).contains(new ExclusionCount("invalid_nhs_number", 4, 0));
    }

    @Test
    void anObjectionOnARecordWithAnInvalidNumberAddsItsRowsButNoPerson() {
        ExclusionCount objections = leftOut("social_care_events").get("local_objection");

        // The objector's service, and the placeholder record's, once for each of the two spells its number is on.
        assertThat(objections).isEqualTo(new ExclusionCount("local_objection", 3, 1));
        assertThat(objections.describe()).isEqualTo("3 rows, 1 people");
    }
}
