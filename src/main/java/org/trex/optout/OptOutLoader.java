package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/** Runs the local objection and Type 1 queries and gathers the result into the rules a run applies. */
public final class OptOutLoader {
    private OptOutLoader() {
    }

    /** Loads the exclusions the queries find (they carry the as-of date). */
    public static ExclusionRules load(DatabaseUrl url, ExclusionQueries queries) {
        requireNonNull(url, "url is null");
        requireNonNull(queries, "queries is null");
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
            return new ExclusionRules(optedOut);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot load opt-outs from " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }
}
