package org.trex.source;

import static java.util.Objects.requireNonNull;
import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** The dates of birth the source holds, looked up by date, never listed: social care's people, hospital spells. */
public final class DatesOfBirth {
    private DatesOfBirth() {
    }

    /** Of {@code dates}, those that are someone's date of birth in the source. */
    public static Set<LocalDate> among(DatabaseUrl url, Set<LocalDate> dates) {
        requireNonNull(url, "url is null");
        requireNonNull(dates, "dates is null");
        if (dates.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = url.connect()) {
            DSLContext dsl = SqlText.on(connection);
            return Set.copyOf(new HashSet<>(dsl.selectDistinct(PERSON.DATE_OF_BIRTH).from(PERSON)
                    .where(PERSON.DATE_OF_BIRTH.in(dates))
                    .union(dsl.selectDistinct(INPATIENT_SPELL.DATE_OF_BIRTH).from(INPATIENT_SPELL)
                            .where(INPATIENT_SPELL.DATE_OF_BIRTH.in(dates)))
                    .fetch(0, LocalDate.class)));
        } catch (DataAccessException e) {
            SQLException cause = e.getCause(SQLException.class);
            throw failure(url, cause != null ? DatabaseUrl.safeMessage(cause) : e.getClass().getSimpleName(), e);
        } catch (SQLException e) {
            throw failure(url, DatabaseUrl.safeMessage(e), e);
        }
    }

    private static DatabaseException failure(DatabaseUrl url, String why, Exception e) {
        return new DatabaseException("Cannot look up dates of birth in the source " + url.redacted() + ": "
                + why.lines().findFirst().orElse(why), e);
    }
}
