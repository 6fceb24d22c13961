package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;

/**
 * A table a run read: OpenLineage namespace (e.g. {@code postgres://localhost:5432}) and name
 * ({@code db.schema.table}), the SQL that read it, the rows read and the fields it has. Rows are counted for a table an
 * output reads one row for one; a table the outputs only join to, or look up, has no count of its own (an empty
 * {@code rowsRead}): its rows are read for the rows of another table, which are the ones counted.
 */
public record Source(String namespace, String name, String sql, OptionalLong rowsRead, List<Field> fields) {
    public Source {
        LineageChecks.requireText(namespace, "namespace");
        LineageChecks.requireText(name, "name");
        LineageChecks.requireText(sql, "sql");
        requireNonNull(rowsRead, "rowsRead is null");
        rowsRead.ifPresent(rows -> LineageChecks.requireCount(rows, "rowsRead"));
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    /** A table an output reads one row for one, {@code rowsRead} of them. */
    public Source(String namespace, String name, String sql, long rowsRead, List<Field> fields) {
        this(namespace, name, sql, OptionalLong.of(rowsRead), fields);
    }

    /** The same source after reading it. */
    public Source read(long rows) {
        return new Source(namespace, name, sql, rows, fields);
    }
}
