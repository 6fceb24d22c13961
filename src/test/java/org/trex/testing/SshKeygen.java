package org.trex.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real OpenSSH {@code ssh-keygen}, for tests that check trex against what board members actually run. */
public final class SshKeygen {
    private static final String PROGRAM = "/usr/bin/ssh-keygen";

    private SshKeygen() {
    }

    /** What one call printed and returned. */
    public record Result(int code, String output) {
    }

    /** An unencrypted ed25519 key pair made by ssh-keygen: {@code file} and {@code file.pub}. */
    public static Path newKey(Path file, String comment) {
        return newKey(file, comment, "");
    }

    /** An ed25519 key pair made by ssh-keygen, encrypted with {@code passphrase} unless it is empty. */
    public static Path newKey(Path file, String comment, String passphrase) {
        Result result = run(null, "-q", "-t", "ed25519", "-N", passphrase, "-C", comment, "-f", file.toString());
        if (result.code() != 0) {
            throw new IllegalStateException("ssh-keygen could not make a key: " + result.output());
        }
        return file;
    }

    /** The public key line ssh-keygen wrote next to {@code privateKey}. */
    public static String publicKey(Path privateKey) {
        try {
            return Files.readString(Path.of(privateKey + ".pub")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ssh-keygen -Y sign -n trex-approval -f KEY FILE}: the armoured signature it wrote to FILE.sig. */
    public static String sign(Path key, Path message) {
        Result result = run(null, "-Y", "sign", "-n", "trex-approval", "-f", key.toString(), message.toString());
        if (result.code() != 0) {
            throw new IllegalStateException("ssh-keygen could not sign: " + result.output());
        }
        try {
            return Files.readString(Path.of(message + ".sig"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ssh-keygen -Y verify}: reads the message on standard input. */
    public static Result verify(Path allowedSigners, String identity, Path signature, Path message) {
        return run(message, "-Y", "verify", "-f", allowedSigners.toString(), "-I", identity, "-n", "trex-approval",
                "-s", signature.toString());
    }

    /** {@code ssh-keygen -l -f FILE}: the fingerprint line. */
    public static String fingerprint(Path publicKey) {
        return run(null, "-l", "-E", "sha256", "-f", publicKey.toString()).output();
    }

    private static Result run(Path input, String... args) {
        List<String> command = new ArrayList<>(List.of(PROGRAM));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        try {
            Process process = builder.start();
            if (input == null) {
                process.getOutputStream().close();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ssh-keygen did not finish: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
