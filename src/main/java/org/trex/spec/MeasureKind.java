package org.trex.spec;

/** What an aggregate measure computes over the rows of a group; its YAML key names it. */
public enum MeasureKind {
    /** Records or people, suppressed when small and rounded. */
    COUNT("count"),
    /** The mean of a days or count field, published only where its count is. */
    MEAN("mean"),
    /** A numeric field added up (costs, hours), suppressed when a few contributors dominate it, and rounded. */
    SUM("sum");

    private final String yamlName;

    MeasureKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
