package org.trex.lineage;

/** The extract spec a run carried out: what it is for, who asked, on what legal basis, and its hash. */
public record SpecIdentity(
        String id, String version, String title, String purpose, String requester, String legalBasis, String sha256) {
    public SpecIdentity {
        LineageChecks.requireText(id, "id");
        LineageChecks.requireText(version, "version");
        LineageChecks.requireText(title, "title");
        LineageChecks.requireText(purpose, "purpose");
        LineageChecks.requireText(requester, "requester");
        LineageChecks.requireText(legalBasis, "legalBasis");
        LineageChecks.requireSha256(sha256, "spec sha256");
    }
}
