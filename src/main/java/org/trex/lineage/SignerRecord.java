package org.trex.lineage;

/**
 * A board member who signed the approval a run relied on: their register ID, name, role and organisation, their
 * key's fingerprint ({@code SHA256:...} as ssh-keygen prints it) and the armoured SSHSIG signature.
 */
public record SignerRecord(String id, String name, String role, String organisation, String keyFingerprint,
        String signature) {
    public SignerRecord {
        Names.requireText(id, "signer id");
        Names.requireText(name, "signer name");
        Names.requireText(role, "signer role");
        Names.requireText(organisation, "signer organisation");
        Names.requireText(keyFingerprint, "keyFingerprint");
        Names.requireText(signature, "signature");
    }
}
