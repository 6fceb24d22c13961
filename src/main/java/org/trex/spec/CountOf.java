package org.trex.spec;

import java.util.Arrays;
import java.util.Optional;

/** What an aggregate measure counts. */
public enum CountOf {
    /** Rows of the dataset (for example spells). */
    RECORDS("records"),
    /** Distinct people (by NHS number). */
    PEOPLE("people");

    private final String yamlName;

    CountOf(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<CountOf> fromYaml(String name) {
        return Arrays.stream(values()).filter(e -> e.yamlName.equals(name)).findFirst();
    }
}
