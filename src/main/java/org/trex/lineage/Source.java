package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table a run read: OpenLineage namespace (e.g. {@code postgres://localhost:5432}) and name
 * ({@code db.schema.table}), the SQL that read it, the rows read and the fields it has.
 */
public record Source(String namespace, String name, String sql, long rowsRead, List<Field> fields) {
    public Source {
        LineageChecks.requireText(namespace, "namespace");
        LineageChecks.requireText(name, "name");
        LineageChecks.requireText(sql, "sql");
        LineageChecks.requireCount(rowsRead, "rowsRead");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    /** The same source after reading it. */
    public Source read(long rows) {
        return new Source(namespace, name, sql, rows, fields);
    }
}
