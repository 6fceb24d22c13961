package org.trex.source;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Which source tables PostgreSQL has never analysed. Without statistics it plans a run's joins on guesses: a run
 * started straight after loading 1.4 million people was still in its first COPY after 23 minutes, where the same
 * run on analysed tables took 38 s.
 */
public final class TableStatistics {
    private static final Table<?> STATS = table(name("pg_catalog", "pg_stat_user_tables"));
    private static final Field<String> SCHEMA = field(name("schemaname"), String.class);
    private static final Field<String> TABLE = field(name("relname"), String.class);
    private static final Field<Object> LAST_ANALYZE = field(name("last_analyze"));
    private static final Field<Object> LAST_AUTOANALYZE = field(name("last_autoanalyze"));

    private TableStatistics() {
    }

    /** Of {@code tables} ({@code schema.table}), those never analysed, by hand or by autovacuum; sorted. */
    public static List<String> neverAnalysed(DatabaseUrl url, Collection<String> tables) {
        requireNonNull(url, "url is null");
        requireNonNull(tables, "tables is null");
        if (tables.isEmpty()) {
            return List.of();
        }
        try (Connection connection = url.connect()) {
            return new TreeSet<>(DSL.using(connection, SQLDialect.POSTGRES)
                    .select(DSL.concat(SCHEMA, DSL.inline("."), TABLE))
                    .from(STATS)
                    .where(DSL.concat(SCHEMA, DSL.inline("."), TABLE).in(tables))
                    .and(LAST_ANALYZE.isNull())
                    .and(LAST_AUTOANALYZE.isNull())
                    .fetch(0, String.class)).stream().toList();
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read which source tables have been analysed in " + url.redacted()
                    + ": " + DatabaseUrl.safeMessage(e), e);
        }
    }

    /** The warning a plan and a run give for a table never analysed. */
    public static String warning(String table) {
        return "source table " + table + " has never been analysed: PostgreSQL may plan the run's joins badly; run"
                + " ANALYZE " + table + " (trex load and trex generate do)";
    }
}
