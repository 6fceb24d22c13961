package org.trex.spec;

import static java.util.Objects.requireNonNull;

/**
 * The pseudonymisation key of one project: its name (recorded in lineage) and where its file is found,
 * relative to the policy file unless absolute. The key itself is never in a policy.
 */
public record ProjectKey(String project, String name, String file) {
    public ProjectKey {
        Names.requireId(project, "project");
        Names.requireText(name, "key name");
        requireNonNull(file, "file is null");
    }
}
