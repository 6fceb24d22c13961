package org.trex.sshsig;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.SshKeygen;

class EncryptedSigningKeyIsRefusedTest {
    @TempDir
    Path folder;

    @Test
    void anEncryptedKeyIsRefusedWithTheSshKeygenCommandToUseInstead() {
        Path key = SshKeygen.newKey(folder.resolve("member"), "member@board", "a passphrase");

        assertThatThrownBy(() -> SshSigningKey.read(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot sign with " + key + ": the key is encrypted with a passphrase")
                .hasMessageContaining("ssh-keygen -Y sign -n trex-approval -f " + key);
    }

    @Test
    void aKeyOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> SshPublicKey.parse("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ comment"))
                .hasMessageStartingWith("Cannot read SSH public key ssh-rsa")
                .hasMessageContaining("expected ssh-ed25519");
    }
}
