package org.trex.source;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Renders jOOQ queries for PostgreSQL. The as-of date is the one named parameter: the template (for the
 * plan hash and the board) keeps it as {@code :as_of}; the executable text inlines every value, with
 * jOOQ escaping literals, because Spark's JDBC source takes SQL text without bind values.
 */
public final class SqlText {
    /** The name of the as-of date parameter. */
    public static final String AS_OF = "as_of";

    private static final Settings SETTINGS = new Settings().withRenderFormatted(true);
    private static final DSLContext RENDERER = DSL.using(SQLDialect.POSTGRES, SETTINGS);
    /** The top node's row estimate in the first line of a text plan: {@code Gather  (cost=1.00..2.00 rows=42 ...}. */
    private static final Pattern PLAN_ROWS = Pattern.compile("\\(cost=[0-9.]+\\.\\.[0-9.]+ rows=([0-9]+) ");

    private SqlText() {
    }

    /** The name of the parameter the date opt-outs are checked on is bound to in plan SQL templates. */
    public static final String OPT_OUTS_ON = "opt_outs_on";

    /** The date opt-outs and objections are checked on as a named parameter. */
    public static Param<LocalDate> optOutsOn(LocalDate date) {
        return DSL.param(OPT_OUTS_ON, date);
    }

    /** The as-of date as a named parameter. */
    public static Param<LocalDate> asOf(LocalDate date) {
        return DSL.param(AS_OF, date);
    }

    /** SQL with {@code :as_of} and {@code :opt_outs_on} named, every other value inlined: stable across dates. */
    public static String template(QueryPart query) {
        return RENDERER.renderContext().paramType(ParamType.NAMED_OR_INLINED).visit(query).render();
    }

    /** SQL with every value inlined and escaped, ready to run. */
    public static String inlined(QueryPart query) {
        return RENDERER.renderInlined(query);
    }

    /** A jOOQ context on an open connection. */
    public static DSLContext on(Connection connection) {
        return DSL.using(connection, SQLDialect.POSTGRES, SETTINGS);
    }

    /**
     * The rows PostgreSQL's planner expects {@code sql}, ready-to-run SQL that {@link #inlined} rendered, to return:
     * an estimate from the tables' statistics, for sizing work, never for counting.
     */
    public static double estimatedRows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
            String top = plan.next() ? plan.getString(1) : "";
            Matcher rows = PLAN_ROWS.matcher(top);
            if (!rows.find()) {
                throw new SQLException("Cannot read the planner's row estimate: its plan begins '" + top + "'");
            }
            return Double.parseDouble(rows.group(1));
        }
    }
}
