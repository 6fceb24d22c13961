package org.trex.optout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trex.source.DatabaseUrl;
import org.trex.source.SqlText;
import org.trex.spec.DataOrigin;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;

/**
 * An objection recorded against a council record that holds no NHS number, or an invalid one, leaves that record's
 * rows out as an objection (not as a number that cannot be checked), from the day it is recorded until the day it
 * is withdrawn; a record without a number and without an objection stays a missing number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectionAgainstACouncilRecordWithoutANumberTest {
    static final LocalDate RECORDED = LocalDate.of(2025, 3, 1);
    static final LocalDate WITHDRAWN = LocalDate.of(2025, 9, 1);
    static final String BAD_CHECK_DIGIT = "9434765918";

    DatabaseUrl url;
    long noNumber;
    long invalidNumber;
    long noObjection;

    @BeforeAll
    void source() throws Exception {
        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            noNumber = fixture.person(null, LocalDate.of(1940, 1, 1), "LE1 5WW");
            fixture.objection(noNumber, RECORDED, WITHDRAWN);
            invalidNumber = fixture.person(BAD_CHECK_DIGIT, LocalDate.of(1941, 1, 1), "LE2 1AA");
            fixture.objection(invalidNumber, RECORDED, null);
            noObjection = fixture.person(null, LocalDate.of(1942, 1, 1), "LE3 1AA");
        }
    }

    /** The reason a row of this council record, with this raw number, is left out as of a date. */
    private ExclusionReason on(LocalDate asOf, long councilRecord, String raw) throws Exception {
        ExclusionQueries queries = ExclusionQueryBuilder.build(Specs.policy(), List.of(DataOrigin.SOCIAL_CARE), asOf);
        boolean objected;
        try (Connection connection = url.connect()) {
            objected = SqlText.on(connection)
                    .select(ExclusionQueryBuilder.objectionOnRecord(PERSON.PERSON_ID, SqlText.asOf(asOf)))
                    .from(PERSON).where(PERSON.PERSON_ID.eq(councilRecord))
                    .fetchSingle().value1();
        }
        return OptOutLoader.load(url, queries).classify(raw, true, CouncilRecordObjection.of(objected));
    }

    @Test
    void aRecordWithoutANumberIsAMissingNumberTheDayBeforeTheObjectionIsRecorded() throws Exception {
        assertThat(on(RECORDED.minusDays(1), noNumber, null)).isEqualTo(ExclusionReason.MISSING_NHS_NUMBER);
    }

    @Test
    void theObjectionIsInForceOnTheDayItIsRecorded() throws Exception {
        assertThat(on(RECORDED, noNumber, null)).isEqualTo(ExclusionReason.LOCAL_OBJECTION);
    }

    @Test
    void theObjectionIsInForceTheDayBeforeItIsWithdrawn() throws Exception {
        assertThat(on(WITHDRAWN.minusDays(1), noNumber, null)).isEqualTo(ExclusionReason.LOCAL_OBJECTION);
    }

    @Test
    void theObjectionIsNoLongerInForceOnTheDayItIsWithdrawn() throws Exception {
        assertThat(on(WITHDRAWN, noNumber, null)).isEqualTo(ExclusionReason.MISSING_NHS_NUMBER);
    }

    @Test
    void anObjectionOutranksAnInvalidNumber() throws Exception {
        assertThat(on(RECORDED.minusDays(1), invalidNumber, BAD_CHECK_DIGIT))
                .isEqualTo(ExclusionReason.INVALID_NHS_NUMBER);
        assertThat(on(RECORDED, invalidNumber, BAD_CHECK_DIGIT)).isEqualTo(ExclusionReason.LOCAL_OBJECTION);
    }

    @Test
    void anotherRecordWithoutANumberIsStillAMissingNumber() throws Exception {
        assertThat(on(RECORDED, noObjection, null)).isEqualTo(ExclusionReason.MISSING_NHS_NUMBER);
    }
}
