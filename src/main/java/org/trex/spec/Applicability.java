package org.trex.spec;

import java.util.Arrays;
import java.util.Optional;

/** Whether an opt-out applies to extracts under a policy. */
public enum Applicability {
    APPLIES("applies"),
    EXEMPT("exempt");

    private final String yamlName;

    Applicability(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<Applicability> fromYaml(String name) {
        return Arrays.stream(values()).filter(e -> e.yamlName.equals(name)).findFirst();
    }
}
