package org.trex.spec;

import java.util.Arrays;
import java.util.Optional;

/** What a run does when a record-level output's smallest equivalence class is below the policy's k. */
public enum KAnonymityAction {
    /** Coarsen the quasi-identifiers (ten-year age bands, year instead of month, ...) and measure again. */
    GENERALISE("generalise"),
    /** Blank the quasi-identifier values of records in classes below k. */
    SUPPRESS("suppress"),
    /** Stop the run: nothing is published. */
    REFUSE("refuse");

    private final String yamlName;

    KAnonymityAction(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<KAnonymityAction> fromYaml(String name) {
        return Arrays.stream(values()).filter(e -> e.yamlName.equals(name)).findFirst();
    }
}
