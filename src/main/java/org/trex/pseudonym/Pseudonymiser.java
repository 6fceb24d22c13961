package org.trex.pseudonym;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
 * <p>Not thread safe: it holds one HMAC state per kind, reused for every value. Make one per task
 * or thread, never one per row.
 */
public final class Pseudonymiser {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String ALGORITHM = "HmacSHA256";

    private final Hmac[] macs = new Hmac[IdentifierKind.values().length];
    private final byte[] keyBytes;
    private final byte[] digest = new byte[Hmac.LENGTH];

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

    /**
     * The pseudonym of {@code length} bytes of UTF-8 from {@code offset}, as 64 bytes of lowercase ASCII hex:
     * for callers that hold bytes, so no String is made on either side. NHS_NUMBER expects the normalised digits.
     */
    public byte[] pseudonymHex(IdentifierKind kind, byte[] utf8, int offset, int length) {
        requireNonNull(kind, "kind is null");
        requireNonNull(utf8, "utf8 is null");
        Hmac mac = macs[kind.ordinal()];
        if (mac == null) {
            mac = newMac(kind);
            macs[kind.ordinal()] = mac;
        }
        mac.digest(utf8, offset, length, digest);
        byte[] hex = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return hex;
    }

    private String hash(IdentifierKind kind, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return new String(pseudonymHex(kind, utf8, 0, utf8.length), StandardCharsets.US_ASCII);
    }

    private Hmac newMac(IdentifierKind kind) {
        return new Hmac(kind == IdentifierKind.NHS_NUMBER
                ? keyBytes
                : hmac(keyBytes, ("trex-pseudonym-kind:" + kind.label()).getBytes(StandardCharsets.US_ASCII)));
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

    /**
     * HMAC-SHA256 (RFC 2104) that keeps SHA-256 states with the padded key already absorbed and starts each
     * value from copies of them: two compressions a value instead of the four a reset {@link Mac} pays.
     * Tests hold it equal to {@link Mac} for keys shorter than, equal to and longer than a block.
     */
    private static final class Hmac {
        static final int LENGTH = 32;
        private static final int BLOCK = 64;

        private final MessageDigest inner;
        private final MessageDigest outer;

        Hmac(byte[] key) {
            byte[] block = key.length > BLOCK ? sha256().digest(key) : key;
            byte[] innerPad = new byte[BLOCK];
            byte[] outerPad = new byte[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                byte k = i < block.length ? block[i] : 0;
                innerPad[i] = (byte) (k ^ 0x36);
                outerPad[i] = (byte) (k ^ 0x5c);
            }
            inner = sha256();
            inner.update(innerPad);
            outer = sha256();
            outer.update(outerPad);
            Arrays.fill(innerPad, (byte) 0);
            Arrays.fill(outerPad, (byte) 0);
        }

        void digest(byte[] message, int offset, int length, byte[] out) {
            try {
                MessageDigest first = (MessageDigest) inner.clone();
                first.update(message, offset, length);
                first.digest(out, 0, LENGTH);
                MessageDigest second = (MessageDigest) outer.clone();
                second.update(out, 0, LENGTH);
                second.digest(out, 0, LENGTH);
            } catch (CloneNotSupportedException | DigestException e) {
                throw new IllegalStateException("Cannot compute HMAC-SHA256: " + e.getClass().getSimpleName());
            }
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Cannot compute HMAC-SHA256: this Java has no SHA-256");
            }
        }
    }
}
