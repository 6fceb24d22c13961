package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a mapping file for one kind of source file may name: its national columns and, for coded columns,
 * the national values (an empty set: any value).
 *
 * @param source the kind of file, as {@code trex load} names it ({@code social-care})
 * @param columns each national column and its national values
 */
public record MappingVocabulary(String source, Map<String, Set<String>> columns) {
    public MappingVocabulary {
        requireNonNull(source, "source is null");
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        requireNonNull(columns, "columns is null").forEach((column, values) -> copy.put(column, Set.copyOf(values)));
        columns = java.util.Collections.unmodifiableMap(copy);
    }
}
