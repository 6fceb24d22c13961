package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a local export differs from the national layout: its column names, the columns to ignore, and local
 * values to put in national ones. One local value may set several national columns (a case system's
 * "Reablement (ST-Max)" gives both a service type and a service component).
 *
 * @param file where it was read from
 * @param columns local column name to national column name
 * @param ignored local columns that are read by nobody
 * @param values national column, then local value, then the national columns and values it stands for
 */
public record SourceMapping(Path file, Map<String, String> columns, Set<String> ignored,
        Map<String, Map<String, Map<String, String>>> values) {
    public SourceMapping {
        requireNonNull(file, "file is null");
        columns = Map.copyOf(requireNonNull(columns, "columns is null"));
        ignored = Set.copyOf(requireNonNull(ignored, "ignored is null"));
        values = Map.copyOf(requireNonNull(values, "values is null"));
    }

    /** A mapping that changes nothing: the file already has national names and values. */
    public static SourceMapping none() {
        return new SourceMapping(Path.of("(no mapping)"), Map.of(), Set.of(), Map.of());
    }

    /** The national columns and values a local value of a column stands for, if the mapping names it. */
    public Optional<Map<String, String>> value(String column, String local) {
        Map<String, Map<String, String>> byValue = values.get(column);
        return byValue == null ? Optional.empty() : Optional.ofNullable(byValue.get(local));
    }
}
