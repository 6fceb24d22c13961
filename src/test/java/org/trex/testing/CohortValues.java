package org.trex.testing;

import static org.jooq.impl.DSL.select;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.source.SqlText;
import org.trex.spec.ExtractSpec;
import org.trex.spec.LoadedSpec;
import org.trex.variable.IndexRows;

/**
 * A spec's variable for each index event of its cohort, computed on a database by the compiled SQL as a plan's
 * query computes it: for tests of shipped definitions on hand-made rows.
 */
public final class CohortValues {
    /** A date after every hand-made row, so the as-of date leaves none out. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private final DatabaseUrl url;
    private final ExtractSpec spec;

    private CohortValues(DatabaseUrl url, ExtractSpec spec) {
        this.url = url;
        this.spec = spec;
    }

    /** The values of a shipped spec file (with its imports) on this database. */
    public static CohortValues of(DatabaseUrl url, Path specFile) {
        return new CohortValues(url, LoadedSpec.load(specFile, SourceCatalog.standard()).spec().value());
    }

    /** The variable (or index field) by index row ID (spell ID), for the index events in the cohort only. */
    public Map<Long, Object> of(String variable) {
        IndexRows rows = IndexRows.of(spec, SourceCatalog.standard(), SqlText.asOf(AS_OF));
        Field<?> value = rows.field(variable);
        Condition cohort = rows.cohort();
        Field<Long> rowId = rows.index().rowId();
        Map<Long, Object> values = new TreeMap<>();
        try (Connection connection = url.connect()) {
            for (Record row : SqlText.on(connection).select(rowId, value).from(rows.from()).where(cohort).fetch()) {
                values.put(row.get(rowId), row.get(value));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot compute " + variable + ": " + e.getMessage(), e);
        }
        return values;
    }
}
