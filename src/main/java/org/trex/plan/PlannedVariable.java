package org.trex.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trex.spec.ValueType;

/**
 * A variable as the board reads it: its type, its description, its definition in words generated from the
 * definition itself, the source columns it reads and the SQL that computes it for every index event.
 */
public record PlannedVariable(
        String name, ValueType type, String description, String words, List<String> sourceColumns, String sqlTemplate) {
    public PlannedVariable {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
        requireNonNull(words, "words is null");
        sourceColumns = List.copyOf(requireNonNull(sourceColumns, "sourceColumns is null"));
        requireNonNull(sqlTemplate, "sqlTemplate is null");
    }
}
