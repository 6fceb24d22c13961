package org.trex.sshsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.SshKeygen;

class SshKeygenAcceptsTrexSignaturesTest {
    private static final String STATEMENT = "trex approval statement v1\nextract: discharge-delays\n";

    @TempDir
    Path folder;

    @Test
    void sshKeygenVerifiesASignatureByAKeyTrexMade() throws Exception {
        SshSigningKey key = SshSigningKey.generate();
        Path keyFile = folder.resolve("demo-member");
        key.write(keyFile);
        Path message = Files.writeString(folder.resolve("statement.txt"), STATEMENT);
        Path signature = Files.writeString(folder.resolve("statement.txt.sig"),
                SshSignature.sign(SshSigningKey.read(keyFile), "trex-approval",
                        STATEMENT.getBytes(StandardCharsets.UTF_8)).armored());
        Path allowed = Files.writeString(folder.resolve("allowed_signers"),
                "demo-member@board namespaces=\"trex-approval\" " + key.publicKey().openSsh() + "\n");

        SshKeygen.Result accepted = SshKeygen.verify(allowed, "demo-member@board", signature, message);
        Files.writeString(message, STATEMENT + "changed");
        SshKeygen.Result changed = SshKeygen.verify(allowed, "demo-member@board", signature, message);

        assertThat(accepted.code()).as(accepted.output()).isZero();
        assertThat(accepted.output()).contains("Good \"trex-approval\" signature for demo-member@board");
        assertThat(changed.code()).isNotZero();
    }
}
