package org.trex.spec;

import static java.util.Objects.requireNonNull;

/** A field a dataset offers to specs: its name, its category (which decides its possible forms) and meaning. */
public record FieldDescriptor(String name, FieldCategory category, String description) {
    public FieldDescriptor {
        requireNonNull(name, "name is null");
        requireNonNull(category, "category is null");
        requireNonNull(description, "description is null");
    }
}
