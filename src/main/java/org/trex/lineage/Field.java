package org.trex.lineage;

/** A column of a source table or an output, with its type as the source or writer names it. */
public record Field(String name, String type) {
    public Field {
        LineageChecks.requireText(name, "name");
        LineageChecks.requireText(type, "type");
    }
}
