package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.trex.nhs.NhsNumber;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.SqlText;
import org.trex.spec.Applicability;

/**
 * National data opt-out objectors of a release: the numbers on the allow list its run used (the newest on or before
 * its as-of date) that are not on the newest list on or before today's as-of date. They opted out since, or were
 * not sent again; either way they may no longer be used. None for a release the national opt-out did not apply to,
 * or while no newer list is loaded.
 */
public final class AllowListDrops implements ObjectorSource {
    private final DatabaseUrl source;

    public AllowListDrops(DatabaseUrl source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public Objectors objectors(ReleasedUnder under, LocalDate asOf) {
        requireNonNull(under, "under is null");
        requireNonNull(asOf, "asOf is null");
        if (under.nationalDataOptOut() != Applicability.APPLIES) {
            return new Objectors(List.of(), 0);
        }
        try (Connection connection = source.connect()) {
            connection.setReadOnly(true);
            DSLContext dsl = SqlText.on(connection);
            Optional<LocalDate> used = listOn(dsl, under.asOf());
            Optional<LocalDate> now = listOn(dsl, asOf);
            if (used.isEmpty() || now.isEmpty() || !now.get().isAfter(used.get())) {
                return new Objectors(List.of(), 0);
            }
            List<Objector> people = new ArrayList<>();
            for (String number : dsl.fetch(AllowListQueries.droppedOff(used.get(), now.get()))
                    .getValues(AllowListQueries.NHS_NUMBER, String.class)) {
                // The list holds only normalised numbers the service accepted; one that is not valid is no one's.
                NhsNumber.tryParse(number).ifPresent(n -> people.add(
                        new Objector(n, ExclusionReason.NATIONAL_DATA_OPT_OUT_OR_UNCHECKED, now.get())));
            }
            return new Objectors(people, 0);
        } catch (SQLException e) {
            throw failure(e);
        } catch (DataAccessException e) {
            throw failure(e.getCause(SQLException.class) != null ? e.getCause(SQLException.class)
                    : new SQLException(e));
        }
    }

    private static Optional<LocalDate> listOn(DSLContext dsl, LocalDate date) {
        return Optional.ofNullable(dsl.select(AllowListQueries.latestListDate(DSL.val(date)))
                .fetchOne(0, LocalDate.class));
    }

    private DatabaseException failure(SQLException e) {
        return new DatabaseException("Cannot read the national allow lists from " + source.redacted() + ": "
                + DatabaseUrl.safeMessage(e), e);
    }
}
