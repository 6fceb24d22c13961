package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A cohort condition on a field of the index event: the field's value is one of {@code values}.
 * Values are bound as SQL parameters, never spliced into SQL text.
 */
public record Condition(String field, List<String> values) {
    public Condition {
        requireNonNull(field, "field is null");
        requireNonNull(values, "values is null");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Cannot use condition on " + field + ": it lists no values");
        }
    }
}
