package org.trex.sshsig;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * An OpenSSH ed25519 public key, as one line of {@code authorized_keys} or {@code id_ed25519.pub} has it. Bouncy
 * Castle reads and writes the SSH key blob; the JDK's Ed25519 verifies signatures.
 */
public final class SshPublicKey {
    /** The only key type board members may use. */
    public static final String TYPE = "ssh-ed25519";

    private final byte[] blob;
    private final PublicKey key;

    private SshPublicKey(byte[] blob, PublicKey key) {
        this.blob = blob;
        this.key = key;
    }

    /** A key from its {@code ssh-ed25519 AAAA... [comment]} line; the comment is ignored. */
    public static SshPublicKey parse(String line) {
        requireNonNull(line, "line is null");
        String[] parts = line.strip().split("\\s+", 3);
        if (parts.length < 2 || !parts[0].equals(TYPE)) {
            throw new IllegalArgumentException("Cannot read SSH public key " + abbreviated(line) + ": expected "
                    + TYPE + " followed by the key in base64, as in an id_ed25519.pub file");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read SSH public key " + abbreviated(line)
                    + ": its key is not base64");
        }
        SshPublicKey key = fromBlob(blob, "SSH public key " + abbreviated(line));
        if (!new SshWire.Reader(blob, "SSH public key").text().equals(parts[0])) {
            throw new IllegalArgumentException("Cannot read SSH public key " + abbreviated(line)
                    + ": the line says " + parts[0] + " but the key inside is of another type");
        }
        return key;
    }

    /** A key from its SSH wire encoding (the blob an SSHSIG signature carries); {@code what} names it in messages. */
    static SshPublicKey fromBlob(byte[] blob, String what) {
        AsymmetricKeyParameter parameters;
        try {
            parameters = OpenSSHPublicKeyUtil.parsePublicKey(blob);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot read " + what + ": it is not an SSH public key ("
                    + e.getMessage() + ")");
        }
        if (!(parameters instanceof Ed25519PublicKeyParameters ed25519)) {
            throw new IllegalArgumentException("Cannot use " + what + ": it is not an " + TYPE
                    + " key; board members sign with ed25519 keys (ssh-keygen -t ed25519)");
        }
        return of(ed25519);
    }

    static SshPublicKey of(Ed25519PublicKeyParameters parameters) {
        try {
            byte[] blob = OpenSSHPublicKeyUtil.encodePublicKey(parameters);
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(parameters).getEncoded();
            return new SshPublicKey(blob,
                    KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode an ed25519 public key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the JDK's Ed25519: " + e.getMessage(), e);
        }
    }

    /** The key's SSH wire encoding. */
    byte[] blob() {
        return blob.clone();
    }

    /** The line {@code ssh-ed25519 AAAA...} without a comment. */
    public String openSsh() {
        return TYPE + " " + Base64.getEncoder().encodeToString(blob);
    }

    /** {@code SHA256:...} as {@code ssh-keygen -l} prints it: unpadded base64 of the blob's SHA-256. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute SHA-256: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code data}. */
    boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the JDK's Ed25519: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshPublicKey key && Arrays.equals(blob, key.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return TYPE + " " + fingerprint();
    }

    private static String abbreviated(String line) {
        String stripped = line.strip();
        return stripped.length() <= 40 ? stripped : stripped.substring(0, 37) + "...";
    }
}
