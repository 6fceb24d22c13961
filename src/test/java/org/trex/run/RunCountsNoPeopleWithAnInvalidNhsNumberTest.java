package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.run.SpellsAndCareEventsRun.councilRecord;

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
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * People are told apart by a valid NHS number. A placeholder many share (0000000000) or a mistyped number tells no one
 * apart, so a run counts the rows left out for an invalid number as rows alone, with their people not countable, as it
 * does for a missing number (it said 3 people for 4 rows: a placeholder counted as one person, each mistyped number as
 * another); and a council record objected to whose number is invalid adds its rows to the objection, but no person.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunCountsNoPeopleWithAnInvalidNhsNumberTest {
    static final LocalDate DISCHARGED = SpellsAndCareEventsRun.DISCHARGED;
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
        job = SpellsAndCareEventsRun.run(url, PseudonymKey.fromHex("cd".repeat(32), "test"), out);
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
