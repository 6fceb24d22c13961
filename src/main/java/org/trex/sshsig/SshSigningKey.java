package org.trex.sshsig;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * An unencrypted OpenSSH ed25519 private key file ({@code ssh-keygen -t ed25519 -N ''}), read and written by
 * Bouncy Castle; signs with the JDK's Ed25519. Encrypted keys are refused: their holders sign with ssh-keygen.
 */
public final class SshSigningKey {
    private static final String PEM_TYPE = "OPENSSH PRIVATE KEY";

    private final Ed25519PrivateKeyParameters parameters;
    private final SshPublicKey publicKey;

    private SshSigningKey(Ed25519PrivateKeyParameters parameters) {
        this.parameters = parameters;
        this.publicKey = SshPublicKey.of(parameters.generatePublicKey());
    }

    /** A fresh random key (demo boards and tests; real members make theirs with ssh-keygen). */
    public static SshSigningKey generate() {
        return new SshSigningKey(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    /** The key in an OpenSSH private key file. */
    public static SshSigningKey read(Path file) {
        requireNonNull(file, "file is null");
        PemObject pem;
        try (PemReader reader = new PemReader(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            pem = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read signing key " + file + ": " + reason(e));
        }
        if (pem == null || !pem.getType().equals(PEM_TYPE)) {
            throw new IllegalArgumentException("Cannot read signing key " + file + ": it is not an OpenSSH private key"
                    + " (-----BEGIN " + PEM_TYPE + "-----); make one with ssh-keygen -t ed25519");
        }
        AsymmetricKeyParameter parameters;
        try {
            parameters = OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(pem.getContent());
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("encrypted")) {
                throw new IllegalArgumentException("Cannot sign with " + file + ": the key is encrypted with a "
                        + "passphrase, which trex does not ask for; sign the statement with ssh-keygen instead: trex "
                        + "approve SPEC --statement > statement.txt; ssh-keygen -Y sign -n "
                        + SshSignature.APPROVAL_NAMESPACE
                        + " -f " + file + " statement.txt; then record statement.txt.sig with --signature");
            }
            throw new IllegalArgumentException("Cannot sign with " + file + ": " + e.getMessage()
                    + "; board members sign with ed25519 keys (ssh-keygen -t ed25519)");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot read signing key " + file + ": " + reason(e));
        }
        if (!(parameters instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw new IllegalArgumentException("Cannot sign with " + file + ": it is not an ed25519 key;"
                    + " board members sign with ed25519 keys (ssh-keygen -t ed25519)");
        }
        return new SshSigningKey(ed25519);
    }

    /** Writes the key as an unencrypted OpenSSH private key file readable by its owner only, as ssh-keygen would. */
    public void write(Path file) {
        requireNonNull(file, "file is null");
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(PEM_TYPE, OpenSSHPrivateKeyUtil.encodePrivateKey(parameters)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode signing key " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write signing key " + file + ": " + e.getMessage(), e);
        }
    }

    public SshPublicKey publicKey() {
        return publicKey;
    }

    /** The JDK's Ed25519 signature of {@code data}. */
    byte[] sign(byte[] data) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, parameters.getEncoded()));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the JDK's Ed25519: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "signing key " + publicKey.fingerprint();
    }

    private static String reason(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
    }
}
