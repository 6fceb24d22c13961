package org.trex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.trex.governance.BoardAdoptions;
import org.trex.governance.BoardCheck;
import org.trex.source.DatabaseUrl;
import org.trex.spec.BoardRegister;
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
        return signWith != null ? sign(signWith, statementBytes) : read(signatureFile);
    }

    /**
     * Refuses a board register other than the one the governance database adopted, and adopts it when none is,
     * printing its SHA-256 so an IG officer can check what was trusted on first use.
     */
    static void requireAdopted(DatabaseUrl url, BoardRegister board, String doing, PrintWriter out, Clock clock) {
        if (new BoardAdoptions(url, clock).require(board, Actor.current(), doing)
                == BoardCheck.ADOPTED_ON_FIRST_USE) {
            out.println(BoardAdoptions.firstUseNotice(board));
        }
    }

    /** A member's signature over a statement, made with their key file. */
    static SshSignature sign(Path keyFile, byte[] statementBytes) {
        return SshSignature.sign(SshSigningKey.read(keyFile), SshSignature.APPROVAL_NAMESPACE, statementBytes);
    }

    /** A signature a member made with ssh-keygen, from its file; a bad-input error naming the file. */
    static SshSignature read(Path signatureFile) {
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
