package org.trex.lineage;

/** Which pseudonym key a run used: its name and key ID, never the key itself. */
public record KeyIdentity(String name, String keyId) {
    /** The only pseudonymisation TREx does. */
    public static final String ALGORITHM = "HMAC-SHA256";

    public KeyIdentity {
        LineageChecks.requireText(name, "name");
        LineageChecks.requireText(keyId, "keyId");
    }
}
