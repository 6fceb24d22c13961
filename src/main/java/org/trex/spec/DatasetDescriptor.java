package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A dataset specs can draw from: its name, origin and fields, as the source catalog declares them, and the
 * field that dates its events, if any (windows are on it).
 */
public record DatasetDescriptor(
        String name, String description, DataOrigin origin, List<FieldDescriptor> fields, Optional<String> eventDate) {
    public DatasetDescriptor {
        requireNonNull(eventDate, "eventDate is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(origin, "origin is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    /** The field with this name, if the dataset has one. */
    public Optional<FieldDescriptor> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The names of every field, in declaration order. */
    public List<String> fieldNames() {
        return fields.stream().map(FieldDescriptor::name).toList();
    }
}
