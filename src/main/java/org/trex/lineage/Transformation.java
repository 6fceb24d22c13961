package org.trex.lineage;

import static java.util.Objects.requireNonNull;

/** An OpenLineage column transformation (spec 1-2-0): type, subtype, a description and whether it masks. */
public record Transformation(
        TransformationType type, TransformationSubtype subtype, String description, Masking masking) {
    public Transformation {
        requireNonNull(type, "type is null");
        requireNonNull(subtype, "subtype is null");
        LineageChecks.requireText(description, "description");
        requireNonNull(masking, "masking is null");
    }

    /** The value copied as it is. */
    public static Transformation identity() {
        return new Transformation(TransformationType.DIRECT, TransformationSubtype.IDENTITY, "copied unchanged",
                Masking.NOT_MASKED);
    }

    /** A keyed pseudonym in place of an identifier. */
    public static Transformation pseudonym() {
        return new Transformation(TransformationType.DIRECT, TransformationSubtype.TRANSFORMATION,
                KeyIdentity.ALGORITHM + " pseudonym", Masking.MASKED);
    }
}
