package org.trex.optout;

import static java.util.Objects.requireNonNull;
import static org.trex.source.jooq.opt_out.Tables.LOCAL_OBJECTION;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Record2;
import org.jooq.exception.DataAccessException;
import org.trex.nhs.NhsNumber;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.SqlText;

/**
 * The council's local objections in force on a date, as objectors (UK GDPR Article 21). They apply to every
 * release, whatever its date: the release register says whether a release holds the person.
 */
public final class LocalObjections implements ObjectorSource {
    private final DatabaseUrl source;

    public LocalObjections(DatabaseUrl source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public Objectors objectors(ReleasedUnder under, LocalDate asOf) {
        requireNonNull(under, "under is null");
        requireNonNull(asOf, "asOf is null");
        try (Connection connection = source.connect()) {
            connection.setReadOnly(true);
            List<Objector> people = new ArrayList<>();
            Set<NhsNumber> seen = new HashSet<>();
            long skipped = 0;
            // Earliest first, so a person who objected twice is an objector since the first.
            for (Record2<String, LocalDate> row : SqlText.on(connection)
                    .select(PERSON.NHS_NUMBER, LOCAL_OBJECTION.RECORDED_DATE)
                    .from(LOCAL_OBJECTION)
                    .join(PERSON).on(PERSON.PERSON_ID.eq(LOCAL_OBJECTION.PERSON_ID))
                    .where(ExclusionQueryBuilder.objectionInForce(SqlText.asOf(asOf)))
                    .orderBy(LOCAL_OBJECTION.RECORDED_DATE, LOCAL_OBJECTION.OBJECTION_ID)
                    .fetch()) {
                Optional<NhsNumber> number = NhsNumber.tryParse(row.value1());
                if (number.isEmpty()) {
                    skipped++;
                } else if (seen.add(number.get())) {
                    people.add(new Objector(number.get(), ExclusionReason.LOCAL_OBJECTION, row.value2()));
                }
            }
            return new Objectors(people, skipped);
        } catch (SQLException e) {
            throw failure(e);
        } catch (DataAccessException e) {
            throw failure(e.getCause(SQLException.class) != null ? e.getCause(SQLException.class)
                    : new SQLException(e));
        }
    }

    private DatabaseException failure(SQLException e) {
        return new DatabaseException("Cannot read local objections from " + source.redacted() + ": "
                + DatabaseUrl.safeMessage(e), e);
    }
}
