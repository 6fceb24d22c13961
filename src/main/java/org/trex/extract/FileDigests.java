package org.trex.extract;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, read in chunks so that a large extract file never sits in memory whole. */
public final class FileDigests {
    private FileDigests() {
    }

    /** The lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        requireNonNull(file, "file is null");
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compute SHA-256 of " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The lower-case hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute SHA-256: the JVM has no SHA-256", e);
        }
    }
}
