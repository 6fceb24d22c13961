package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import org.trex.spec.DisclosureRules;

/**
 * The governance policy a run applied, by id and hash, with its disclosure rules: every count the lineage publishes is
 * shown through them ({@link PublishedCounts}).
 */
public record PolicyIdentity(String id, String sha256, DisclosureRules disclosure) {
    public PolicyIdentity {
        LineageChecks.requireText(id, "id");
        LineageChecks.requireSha256(sha256, "policy sha256");
        requireNonNull(disclosure, "disclosure is null");
    }

    /** The counts as this policy lets the lineage show them. */
    public PublishedCounts counts() {
        return PublishedCounts.of(disclosure);
    }
}
