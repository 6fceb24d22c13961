package org.trex.pseudonym;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.trex.nhs.NhsNumber;

/**
 * Keyed-hash pseudonyms: lowercase hex of HMAC-SHA256, 64 characters.
 *
 * <p>NHS numbers follow the partner contract exactly: HMAC-SHA256(key, ASCII of the ten digits).
 * Every other kind hashes under a derived key, HMAC-SHA256(key, "trex-pseudonym-kind:" + label), so
 * that a council person ID can never share a pseudonym with an NHS number.
 *
 * <p>Not thread safe: it holds one {@link Mac} per kind, reused for every value. Make one per task
 * or thread, never one per row.
 */
public final class Pseudonymiser {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String ALGORITHM = "HmacSHA256";

    private final Map<IdentifierKind, Mac> macs = new EnumMap<>(IdentifierKind.class);
    private final byte[] keyBytes;

    public Pseudonymiser(PseudonymKey key) {
        requireNonNull(key, "key is null");
        this.keyBytes = key.bytes();
    }

    /** The pseudonym of a valid NHS number. */
    public String pseudonym(NhsNumber number) {
        requireNonNull(number, "number is null");
        return hash(IdentifierKind.NHS_NUMBER, number.digits());
    }

    /** The pseudonym of an identifier of the given kind; NHS_NUMBER expects the normalised digits. */
    public String pseudonym(IdentifierKind kind, String value) {
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
        return hash(kind, value);
    }

    private String hash(IdentifierKind kind, String value) {
        Mac mac = macs.computeIfAbsent(kind, this::newMac);
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }

    private Mac newMac(IdentifierKind kind) {
        byte[] kindKey = kind == IdentifierKind.NHS_NUMBER
                ? keyBytes
                : hmac(keyBytes, ("trex-pseudonym-kind:" + kind.label()).getBytes(StandardCharsets.US_ASCII));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(kindKey, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot initialise HMAC-SHA256: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive key: " + e.getClass().getSimpleName());
        }
    }
}
