package org.trex.lineage;

import static java.util.Objects.requireNonNull;

/** A source field (dataset namespace and name, field) and how it became an output column. */
public record InputField(String namespace, String name, String field, Transformation transformation) {
    public InputField {
        LineageChecks.requireText(namespace, "namespace");
        LineageChecks.requireText(name, "name");
        LineageChecks.requireText(field, "field");
        requireNonNull(transformation, "transformation is null");
    }

    /** A field of a source, read through the given transformation. */
    public static InputField of(Source source, String field, Transformation transformation) {
        return new InputField(source.namespace(), source.name(), field, transformation);
    }
}
