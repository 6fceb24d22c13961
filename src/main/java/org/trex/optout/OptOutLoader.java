package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/** Runs the exclusion queries and gathers the result into the rules a run applies. */
public final class OptOutLoader {
    private OptOutLoader() {
    }

    /** Loads the exclusions in force on the as-of date. */
    public static ExclusionRules load(DatabaseUrl url, ExclusionQueries queries, LocalDate asOf) {
        requireNonNull(url, "url is null");
        requireNonNull(queries, "queries is null");
        requireNonNull(asOf, "asOf is null");
        try (Connection connection = url.connect()) {
            connection.setReadOnly(true);
            Map<String, ExclusionReason> optedOut = new HashMap<>();
            for (ExclusionQueries.ExclusionQuery query : queries.queries()) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery(query.sql())) {
                    while (rows.next()) {
                        // The first reason in check order wins, so each person is counted once.
                        optedOut.putIfAbsent(rows.getString(1), query.reason());
                    }
                }
            }
            return new ExclusionRules(optedOut, nationalListStatus(connection, queries, asOf));
        } catch (SQLException e) {
            throw new DatabaseException("Cannot load opt-outs from " + url.redacted() + ": " + DatabaseUrl.safeMessage(e), e);
        }
    }

    private static NationalListStatus nationalListStatus(Connection connection, ExclusionQueries queries, LocalDate asOf)
            throws SQLException {
        if (queries.nationalListDate().isEmpty()) {
            return NationalListStatus.NOT_APPLIED;
        }
        Optional<LocalDate> latest;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(queries.nationalListDate().get().sql())) {
            rows.next();
            latest = Optional.ofNullable(rows.getObject(1, LocalDate.class));
        }
        if (latest.isEmpty()) {
            return NationalListStatus.MISSING;
        }
        long age = ChronoUnit.DAYS.between(latest.get(), asOf);
        return age > queries.nationalListMaxAgeDays() ? NationalListStatus.STALE : NationalListStatus.CURRENT;
    }
}
