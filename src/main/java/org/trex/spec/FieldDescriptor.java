package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A field a dataset offers to specs: its name, its category (which decides its possible forms), meaning and, for a
 * code field whose values come from a national list, every code it can hold (empty: any value, a provider's code,
 * say), so a spec that tests it for a code it never holds is refused rather than planned to an empty cohort.
 */
public record FieldDescriptor(String name, FieldCategory category, String description, List<String> codes) {
    public FieldDescriptor {
        requireNonNull(name, "name is null");
        requireNonNull(category, "category is null");
        requireNonNull(description, "description is null");
        codes = List.copyOf(requireNonNull(codes, "codes is null"));
        if (!codes.isEmpty() && category != FieldCategory.CODE) {
            throw new IllegalArgumentException("Cannot declare codes for field " + name + ": it is a "
                    + category.yamlName() + " field, expected a code field");
        }
    }

    /** Whether the field can hold {@code value}: always, unless it has a list of codes. */
    public boolean holds(String value) {
        return codes.isEmpty() || codes.contains(value);
    }
}
