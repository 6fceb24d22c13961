package org.trex.lineage;

/**
 * A board member who signed the approval a run relied on: their register ID, name, role and organisation, their
 * key's fingerprint ({@code SHA256:...} as ssh-keygen prints it) and the armoured SSHSIG signature.
 */
public record SignerRecord(String id, String name, String role, String organisation, String keyFingerprint,
        String signature) {
    public SignerRecord {
        LineageChecks.requireText(id, "signer id");
        LineageChecks.requireText(name, "signer name");
        LineageChecks.requireText(role, "signer role");
        LineageChecks.requireText(organisation, "signer organisation");
        LineageChecks.requireText(keyFingerprint, "keyFingerprint");
        LineageChecks.requireText(signature, "signature");
    }
}
