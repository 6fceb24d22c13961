package org.trex.spec;

import java.util.Arrays;
import java.util.Optional;

/** Whether an aggregate count of zero tells something about people (and is suppressed) or may be published. */
public enum ZeroCounts {
    /** A zero is a small count like any other: suppressed when the threshold is 0 or more. */
    DISCLOSIVE("disclosive"),
    /** A zero says nobody is in the cell and is published as 0 (structural zeros, empty categories). */
    SAFE("safe");

    private final String yamlName;

    ZeroCounts(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<ZeroCounts> fromYaml(String name) {
        return Arrays.stream(values()).filter(e -> e.yamlName.equals(name)).findFirst();
    }
}
