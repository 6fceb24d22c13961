package org.trex.source;

import java.sql.Connection;
import java.time.LocalDate;
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

    private SqlText() {
    }

    /** The as-of date as a named parameter. */
    public static Param<LocalDate> asOf(LocalDate date) {
        return DSL.param(AS_OF, date);
    }

    /** SQL with {@code :as_of} named and every other value inlined: stable across as-of dates. */
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
}
