package org.trex.optout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trex.source.DatabaseUrl;
import org.trex.spec.DataOrigin;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;

/**
 * A local objection is in force from the day it is recorded and no longer from the day it is withdrawn, and it
 * applies to the person's NHS number wherever it appears: on every council record holding it, however written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalObjectionInForceOnItsDatesTest {
    static final LocalDate RECORDED = LocalDate.of(2025, 3, 1);
    static final LocalDate WITHDRAWN = LocalDate.of(2025, 9, 1);
    static final String OBJECTOR = "9434765919";
    static final String SECOND_RECORD_ONLY = "9876543210";

    DatabaseUrl url;

    @BeforeAll
    void source() throws Exception {
        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            long objected = fixture.person("943 476 5919", LocalDate.of(1940, 1, 1), "LE1 5WW");
            fixture.objection(objected, RECORDED, WITHDRAWN);
            // The same person holds a second council record, with the number written without spaces.
            fixture.person(OBJECTOR, LocalDate.of(1940, 1, 1), "LE1 5WW");
            fixture.person(SECOND_RECORD_ONLY, LocalDate.of(1941, 1, 1), "LE2 1AA");
        }
    }

    private ExclusionReason on(LocalDate asOf, String raw) {
        ExclusionQueries queries = ExclusionQueryBuilder.build(Specs.policy(), List.of(DataOrigin.HOSPITAL), asOf);
        return OptOutLoader.load(url, queries).classify(raw, true, CouncilRecordObjection.NONE);
    }

    @Test
    void notInForceTheDayBeforeItIsRecorded() {
        assertThat(on(RECORDED.minusDays(1), OBJECTOR)).isNull();
    }

    @Test
    void inForceOnTheDayItIsRecorded() {
        assertThat(on(RECORDED, OBJECTOR)).isEqualTo(ExclusionReason.LOCAL_OBJECTION);
    }

    @Test
    void inForceTheDayBeforeItIsWithdrawn() {
        assertThat(on(WITHDRAWN.minusDays(1), "943-476-5919")).isEqualTo(ExclusionReason.LOCAL_OBJECTION);
    }

    @Test
    void noLongerInForceOnTheDayItIsWithdrawn() {
        assertThat(on(WITHDRAWN, OBJECTOR)).isNull();
    }

    @Test
    void appliesToTheNumberOnEveryRecordButNoOtherNumber() {
        assertThat(on(RECORDED, "943 476 5919")).isEqualTo(ExclusionReason.LOCAL_OBJECTION);
        assertThat(on(RECORDED, SECOND_RECORD_ONLY)).isNull();
    }
}
