package org.trex.sshsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.SshKeygen;

class SshKeygenSignatureVerifiesTest {
    private static final String STATEMENT = "trex approval statement v1\nextract: discharge-delays\n";

    @TempDir
    Path folder;

    @Test
    void aSignatureMadeBySshKeygenVerifiesOverItsMessageOnly() throws Exception {
        Path key = SshKeygen.newKey(folder.resolve("member"), "member@board");
        Path message = Files.writeString(folder.resolve("statement.txt"), STATEMENT);

        SshSignature signature = SshSignature.parse(SshKeygen.sign(key, message));

        assertThat(signature.key()).isEqualTo(SshPublicKey.parse(SshKeygen.publicKey(key)));
        assertThat(signature.namespace()).isEqualTo(SshSignature.APPROVAL_NAMESPACE);
        assertThat(signature.verifies(STATEMENT.getBytes(StandardCharsets.UTF_8), "trex-approval")).isTrue();
        assertThat(signature.verifies((STATEMENT + " ").getBytes(StandardCharsets.UTF_8), "trex-approval")).isFalse();
        assertThat(signature.verifies(STATEMENT.getBytes(StandardCharsets.UTF_8), "file")).isFalse();
    }

    @Test
    void trexSignsWithAnSshKeygenKeyExactlyAsSshKeygenDoes() throws Exception {
        Path key = SshKeygen.newKey(folder.resolve("member"), "member@board");
        Path message = Files.writeString(folder.resolve("statement.txt"), STATEMENT);

        SshSignature ours = SshSignature.sign(SshSigningKey.read(key), "trex-approval",
                STATEMENT.getBytes(StandardCharsets.UTF_8));

        // Ed25519 is deterministic, so equal envelopes mean every SSHSIG field is encoded as OpenSSH encodes it.
        assertThat(ours).isEqualTo(SshSignature.parse(SshKeygen.sign(key, message)));
    }

    @Test
    void fingerprintsAreTheOnesSshKeygenPrints() {
        Path key = SshKeygen.newKey(folder.resolve("member"), "member@board");

        String fingerprint = SshPublicKey.parse(SshKeygen.publicKey(key)).fingerprint();

        assertThat(SshKeygen.fingerprint(Path.of(key + ".pub"))).contains(" " + fingerprint + " ");
    }
}
