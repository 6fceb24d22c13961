package org.trex.sshsig;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A detached, armoured signature in OpenSSH's SSHSIG format ({@code ssh-keygen -Y sign}, PROTOCOL.sshsig): the
 * signer's public key, a namespace, and an ed25519 signature over the SHA-512 (or SHA-256) of the message wrapped
 * with the namespace. Signatures made here verify with {@code ssh-keygen -Y verify} and the other way round.
 */
public final class SshSignature {
    /** The namespace of board approvals and revocations: a signature made for anything else never counts. */
    public static final String APPROVAL_NAMESPACE = "trex-approval";

    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final String PEM_TYPE = "SSH SIGNATURE";
    private static final String SIGNING_HASH = "sha512";
    private static final Map<String, String> HASHES = Map.of("sha512", "SHA-512", "sha256", "SHA-256");

    private final SshPublicKey key;
    private final String namespace;
    private final byte[] reserved;
    private final String hashAlgorithm;
    private final byte[] signature;

    private SshSignature(SshPublicKey key, String namespace, byte[] reserved, String hashAlgorithm, byte[] signature) {
        this.key = key;
        this.namespace = namespace;
        this.reserved = reserved;
        this.hashAlgorithm = hashAlgorithm;
        this.signature = signature;
    }

    /** Signs {@code message} in {@code namespace} as {@code ssh-keygen -Y sign -n NAMESPACE} does (SHA-512). */
    public static SshSignature sign(SshSigningKey signer, String namespace, byte[] message) {
        requireNonNull(signer, "signer is null");
        requireNonNull(message, "message is null");
        if (requireNonNull(namespace, "namespace is null").isEmpty()) {
            throw new IllegalArgumentException("Cannot sign: the SSHSIG namespace must not be empty");
        }
        byte[] reserved = new byte[0];
        byte[] raw = signer.sign(signedData(namespace, reserved, SIGNING_HASH, message));
        return new SshSignature(signer.publicKey(), namespace, reserved, SIGNING_HASH, raw);
    }

    /** A signature from its armoured text ({@code -----BEGIN SSH SIGNATURE-----}). */
    public static SshSignature parse(String armored) {
        requireNonNull(armored, "armored is null");
        PemObject pem;
        try (PemReader reader = new PemReader(new StringReader(armored))) {
            pem = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read SSH signature: its armour is broken (" + e.getMessage()
                    + ")");
        }
        if (pem == null || !pem.getType().equals(PEM_TYPE)) {
            throw new IllegalArgumentException("Cannot read SSH signature: it does not start with -----BEGIN "
                    + PEM_TYPE + "-----, as ssh-keygen -Y sign writes it");
        }
        SshWire.Reader blob = new SshWire.Reader(pem.getContent(), "SSH signature");
        if (!Arrays.equals(blob.raw(MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("Cannot read SSH signature: it does not start with SSHSIG");
        }
        int version = blob.uint32();
        if (version != VERSION) {
            throw new IllegalArgumentException("Cannot read SSH signature: its version is " + version + ", expected "
                    + VERSION);
        }
        SshPublicKey key = SshPublicKey.fromBlob(blob.string(), "the SSH signature's public key");
        String namespace = blob.text();
        byte[] reserved = blob.string();
        String hashAlgorithm = blob.text();
        if (!HASHES.containsKey(hashAlgorithm)) {
            throw new IllegalArgumentException("Cannot read SSH signature: its hash algorithm is " + hashAlgorithm
                    + ", expected one of " + HASHES.keySet().stream().sorted().toList());
        }
        SshWire.Reader inner = new SshWire.Reader(blob.string(), "SSH signature's ed25519 signature");
        blob.requireEnd();
        String type = inner.text();
        if (!type.equals(SshPublicKey.TYPE)) {
            throw new IllegalArgumentException("Cannot read SSH signature: it is a " + type + " signature, expected "
                    + SshPublicKey.TYPE);
        }
        byte[] signature = inner.string();
        inner.requireEnd();
        return new SshSignature(key, namespace, reserved, hashAlgorithm, signature);
    }

    /** Whether this is a valid signature of {@code message} in {@code expectedNamespace} by {@link #key()}. */
    public boolean verifies(byte[] message, String expectedNamespace) {
        requireNonNull(message, "message is null");
        return namespace.equals(requireNonNull(expectedNamespace, "expectedNamespace is null"))
                && key.verifies(signedData(namespace, reserved, hashAlgorithm, message), signature);
    }

    /** The public key the signature says made it (verification proves it). */
    public SshPublicKey key() {
        return key;
    }

    public String namespace() {
        return namespace;
    }

    /** The armoured text, as {@code ssh-keygen -Y sign} writes to {@code FILE.sig}. */
    public String armored() {
        byte[] blob = new SshWire.Writer()
                .raw(MAGIC)
                .uint32(VERSION)
                .string(key.blob())
                .string(namespace)
                .string(reserved)
                .string(hashAlgorithm)
                .string(new SshWire.Writer().string(SshPublicKey.TYPE).string(signature).bytes())
                .bytes();
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(PEM_TYPE, blob));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot armour an SSH signature: " + e.getMessage(), e);
        }
        return text.toString().replace("\r\n", "\n");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshSignature s && armored().equals(s.armored());
    }

    @Override
    public int hashCode() {
        return armored().hashCode();
    }

    @Override
    public String toString() {
        return "SSH signature by " + key.fingerprint() + " in namespace " + namespace;
    }

    /** What the key signs (PROTOCOL.sshsig section 3): the magic, namespace, reserved, hash name, hashed message. */
    private static byte[] signedData(String namespace, byte[] reserved, String hashAlgorithm, byte[] message) {
        try {
            byte[] hash = MessageDigest.getInstance(HASHES.get(hashAlgorithm.toLowerCase(Locale.ROOT))).digest(message);
            return new SshWire.Writer().raw(MAGIC).string(namespace).string(reserved).string(hashAlgorithm).string(hash)
                    .bytes();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot hash with " + hashAlgorithm + ": " + e.getMessage(), e);
        }
    }
}
