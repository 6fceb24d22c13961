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
 * run on analysed tables took 38 s. A table counts as analysed when its statistics are there, or when it is known
 * to be empty (ANALYZE keeps no statistics for an empty table), not by the time of its last analysis: a server's
 * crash recovery or {@code pg_stat_reset()} forgets that time and keeps the statistics.
 */
public final class TableStatistics {
    private static final Table<?> TABLES = table(name("pg_catalog", "pg_class")).as("source_table");
    private static final Field<Object> TABLE_SCHEMA = field(name("source_table", "relnamespace"));
    private static final Field<String> TABLE = field(name("source_table", "relname"), String.class);
    private static final Field<Double> ROWS = field(name("source_table", "reltuples"), Double.class);
    private static final Table<?> SCHEMAS = table(name("pg_catalog", "pg_namespace")).as("source_schema");
    private static final Field<Object> SCHEMA_ID = field(name("source_schema", "oid"));
    private static final Field<String> SCHEMA = field(name("source_schema", "nspname"), String.class);
    private static final Table<?> COLUMN_STATS = table(name("pg_catalog", "pg_stats")).as("kept");
    private static final Field<String> KEPT_SCHEMA = field(name("kept", "schemaname"), String.class);
    private static final Field<String> KEPT_TABLE = field(name("kept", "tablename"), String.class);

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
                    .from(TABLES)
                    .join(SCHEMAS).on(SCHEMA_ID.eq(TABLE_SCHEMA))
                    .where(DSL.concat(SCHEMA, DSL.inline("."), TABLE).in(tables))
                    .and(ROWS.ne(0.0))
                    .andNotExists(DSL.selectOne().from(COLUMN_STATS)
                            .where(KEPT_SCHEMA.eq(SCHEMA)).and(KEPT_TABLE.eq(TABLE)))
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
