package org.trex.lineage;

/** The governance policy a run applied, by id and hash. */
public record PolicyIdentity(String id, String sha256) {
    public PolicyIdentity {
        LineageChecks.requireText(id, "id");
        LineageChecks.requireSha256(sha256, "policy sha256");
    }
}
