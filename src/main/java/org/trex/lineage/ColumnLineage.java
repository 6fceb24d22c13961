package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The input fields an output column was made from. */
public record ColumnLineage(String column, List<InputField> inputs) {
    public ColumnLineage {
        LineageChecks.requireText(column, "column");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Cannot describe lineage: column " + column + " has no input fields");
        }
    }
}
