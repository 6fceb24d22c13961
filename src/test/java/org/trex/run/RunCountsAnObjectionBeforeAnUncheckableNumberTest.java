package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.run.SpellsAndCareEventsRun.councilRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.nhs.NhsNumber;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import org.trex.source.DatabaseUrl;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * A run leaves out every social care row of a council record an objection is recorded against, and counts it as
 * the objection even where the record's number is invalid; through a valid number the objection also reaches the
 * person's other council records. Recorded on the as-of date, an objection is in force; withdrawn on it, it is not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunCountsAnObjectionBeforeAnUncheckableNumberTest {
    static final LocalDate AS_OF = SpellsAndCareEventsRun.AS_OF;
    static final LocalDate DISCHARGED = SpellsAndCareEventsRun.DISCHARGED;
    static final LocalDate EARLIER = LocalDate.of(2024, 1, 1);
    static final String OBJECTOR = "9990000018";
    static final String KEPT = "9990000026";
    static final String OBJECTED_BAD_CHECK_DIGIT = "9990000019";
    static final String RECORDED_ON_AS_OF = "9990000035";
    static final String WITHDRAWN_ON_AS_OF = "9990000043";
    static final String BAD_CHECK_DIGIT = "9990000051";

    final PseudonymKey key = PseudonymKey.fromHex("cd".repeat(32), "test");
    DatabaseUrl url;
    ExtractJob.Result job;
    Path out;

    @BeforeAll
    void run(@TempDir Path folder) throws Exception {
        out = folder;
        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (String number : List.of(OBJECTOR, KEPT, OBJECTED_BAD_CHECK_DIGIT, RECORDED_ON_AS_OF,
                    WITHDRAWN_ON_AS_OF, BAD_CHECK_DIGIT)) {
                fixture.spell(number, DISCHARGED.minusDays(10), DISCHARGED, DISCHARGED.minusDays(3));
            }
            fixture.objection(councilRecord(fixture, OBJECTOR), EARLIER, null);
            // The objector's second council record, its number written with spaces: no objection recorded on it.
            councilRecord(fixture, "999 000 0018");
            councilRecord(fixture, KEPT);
            fixture.objection(councilRecord(fixture, OBJECTED_BAD_CHECK_DIGIT), EARLIER, null);
            fixture.objection(councilRecord(fixture, RECORDED_ON_AS_OF), AS_OF, null);
            fixture.objection(councilRecord(fixture, WITHDRAWN_ON_AS_OF), EARLIER, AS_OF);
            councilRecord(fixture, BAD_CHECK_DIGIT);
            fixture.nationalList(LocalDate.of(2025, 6, 1));
        }
        job = SpellsAndCareEventsRun.run(url, key, out);
    }

    private Map<String, Long> leftOut(String output) {
        return job.outputs().stream().filter(o -> o.plan().name().equals(output)).findFirst().orElseThrow()
                .excluded().stream().collect(Collectors.toMap(ExclusionCount::reason, ExclusionCount::rows));
    }

    @Test
    void councilRecordsObjectedToAreCountedAsTheObjectionWhateverTheirNumber() {
        // The objector's two records, the invalid-numbered record objected to earlier and the one objected to on the
        // as-of date; the record whose objection was withdrawn on the as-of date falls back to its invalid number.
        assertThat(leftOut("social_care_events")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "local_objection", 4L, "invalid_nhs_number", 2L));
    }

    @Test
    void hospitalSpellsAreCountedByTheirNumberAlone() {
        // A spell belongs to no council record: an invalid number cannot carry an objection to it.
        assertThat(leftOut("spells")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "local_objection", 1L, "invalid_nhs_number", 4L));
    }

    @Test
    void onlyThePersonWithoutAnObjectionIsWritten() throws Exception {
        String csv = Files.readString(out.resolve("data/social_care_events.csv"));
        assertThat(csv.lines().count()).isEqualTo(2);
        assertThat(csv).contains(new Pseudonymiser(key).pseudonym(NhsNumber.parse(KEPT)));
    }
}
