package org.trex.lineage;

/** The extract spec a run carried out: what it is for, who asked, on what legal basis, and its hash. */
public record SpecIdentity(
        String id, String version, String title, String purpose, String requester, String legalBasis, String sha256) {
    public SpecIdentity {
        Names.requireText(id, "id");
        Names.requireText(version, "version");
        Names.requireText(title, "title");
        Names.requireText(purpose, "purpose");
        Names.requireText(requester, "requester");
        Names.requireText(legalBasis, "legalBasis");
        Names.requireSha256(sha256, "spec sha256");
    }
}
