package org.trex.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * What happens to a record whose NHS number is missing or invalid, so that no opt-out can be checked.
 * Only leaving it out exists today: the choice is written in the policy so the board sees it.
 */
public enum UnverifiableNhsNumbers {
    EXCLUDE("exclude");

    private final String yamlName;

    UnverifiableNhsNumbers(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<UnverifiableNhsNumbers> fromYaml(String name) {
        return Arrays.stream(values()).filter(e -> e.yamlName.equals(name)).findFirst();
    }
}
