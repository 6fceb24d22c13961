package org.trex.plan;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of the cohort's index events that several outputs share: PostgreSQL evaluates the cohort and every
 * variable those outputs use once, and each output takes its columns from the rows read. {@code columns} maps each
 * output, in plan order, from its own SQL column names (those of {@link OutputPlan#sql()}) to the read's.
 */
public record ScanPlan(String dataset, List<String> sourceTables, Map<String, Map<String, String>> columns,
        String sqlTemplate, String sql) {

    public ScanPlan {
        requireNonNull(dataset, "dataset is null");
        sourceTables = List.copyOf(requireNonNull(sourceTables, "sourceTables is null"));
        requireNonNull(columns, "columns is null");
        if (columns.size() < 2) {
            throw new IllegalArgumentException("Cannot share a read of " + dataset + " among " + columns.keySet()
                    + ": a shared read serves two outputs or more");
        }
        Map<String, Map<String, String>> copied = new LinkedHashMap<>();
        columns.forEach((output, mapping) -> copied.put(output,
                Collections.unmodifiableMap(new LinkedHashMap<>(mapping))));
        columns = Collections.unmodifiableMap(copied);
        requireNonNull(sqlTemplate, "sqlTemplate is null");
        requireNonNull(sql, "sql is null");
    }

    /** The outputs that take their rows from this read, in plan order. */
    public List<String> outputs() {
        return List.copyOf(columns.keySet());
    }

    /** The output's SQL column names mapped to this read's, in the order of the output's own SELECT. */
    public Map<String, String> columns(String output) {
        Map<String, String> mapping = columns.get(output);
        if (mapping == null) {
            throw new IllegalArgumentException("Cannot find output " + output + " in the shared read of " + dataset);
        }
        return mapping;
    }
}
