package org.trex.governance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/** Connections to the governance database, with failures turned into messages naming the redacted URL. */
final class GovernanceDatabase {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private GovernanceDatabase() {
    }

    /** Runs work in one transaction on a new connection; {@code doing} completes "Cannot ...". */
    static <T> T transaction(DatabaseUrl url, String doing, Function<DSLContext, T> work) {
        try (Connection connection = url.connect()) {
            return using(connection).transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (DataAccessException e) {
            throw failure(url, doing, e);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot " + doing + " in " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }

    static DSLContext using(Connection connection) {
        return DSL.using(connection, SQLDialect.POSTGRES);
    }

    /** Whether PostgreSQL refused {@code e}'s work for want of a privilege (SQLSTATE 42501): a read-only role. */
    static boolean deniesPrivilege(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static DatabaseException failure(DatabaseUrl url, String doing, DataAccessException e) {
        SQLException cause = e.getCause(SQLException.class);
        String why = cause != null ? DatabaseUrl.safeMessage(cause) : String.valueOf(e.getMessage());
        return new DatabaseException("Cannot " + doing + " in " + url.redacted() + ": "
                + why.lines().findFirst().orElse(why), e);
    }
}
