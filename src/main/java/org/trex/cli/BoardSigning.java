package org.trex.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trex.sshsig.SshSignature;
import org.trex.sshsig.SshSigningKey;
import picocli.CommandLine.Option;

/**
 * How a board member gives their signature to {@code approve} and {@code revoke}: trex signs with their key file,
 * or records a signature they made with ssh-keygen, or prints the statement for them to sign.
 */
final class BoardSigning {
    @Option(names = "--sign-with", paramLabel = "KEY",
            description = "Sign with this unencrypted OpenSSH ed25519 private key file (a board member's).")
    Path signWith;

    @Option(names = "--signature", paramLabel = "FILE",
            description = "Record a signature made with: ssh-keygen -Y sign -n trex-approval -f KEY statement.txt"
                    + " (the FILE is statement.txt.sig).")
    Path signatureFile;

    @Option(names = "--statement", description = "Print the exact statement to sign, and record nothing.")
    boolean statement;

    /** The member's signature over {@code statement}: made here with their key, or read from their file. */
    SshSignature signature(byte[] statementBytes) {
        if (signWith != null) {
            return SshSignature.sign(SshSigningKey.read(signWith), SshSignature.APPROVAL_NAMESPACE, statementBytes);
        }
        try {
            return SshSignature.parse(Files.readString(signatureFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot read signature " + signatureFile + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.BAD_INPUT, e.getMessage().replace("Cannot read SSH signature",
                    "Cannot read signature " + signatureFile));
        }
    }
}
