package org.trex.spec;

import java.util.Arrays;
import java.util.Optional;

/** Whether the cohort keeps people with, without, or regardless of social care services at the index date. */
public enum SocialCareAtIndex {
    ANY("any"),
    WITH("with"),
    WITHOUT("without");

    private final String yamlName;

    SocialCareAtIndex(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<SocialCareAtIndex> fromYaml(String name) {
        return Arrays.stream(values()).filter(e -> e.yamlName.equals(name)).findFirst();
    }
}
