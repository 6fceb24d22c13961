package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Record-level rows for analysts inside the TRE; disclosure risk is measured on the quasi-identifiers,
 * which name columns of this output.
 */
public record RecordOutput(
        String name, String dataset, RelativeWindow window, List<FieldSpec> fields, List<String> quasiIdentifiers)
        implements OutputSpec {

    public RecordOutput {
        Names.requireIdentifier(name, "output name");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(window, "window is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        quasiIdentifiers = List.copyOf(requireNonNull(quasiIdentifiers, "quasiIdentifiers is null"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Cannot use output " + name + ": it has no fields");
        }
        Set<String> names = new HashSet<>();
        for (FieldSpec field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("Cannot use output " + name + ": column " + field.name()
                        + " appears twice");
            }
        }
        for (String qi : quasiIdentifiers) {
            if (!names.contains(qi)) {
                throw new IllegalArgumentException("Cannot use quasi-identifier " + qi + " of output " + name
                        + ": it is not one of its columns " + names.stream().sorted().toList());
            }
        }
    }
}
