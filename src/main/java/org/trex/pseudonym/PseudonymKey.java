package org.trex.pseudonym;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * A project's secret pseudonymisation key: at least 256 bits, read from a file holding it in hex.
 *
 * <p>The key bytes never leave this class except into a {@link Pseudonymiser}; {@link #toString()}
 * shows only the {@link #id() key ID}, and no error message ever contains the file's content. It is
 * serializable only so Spark can hand it to the tasks that pseudonymise.
 */
public final class PseudonymKey implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Minimum key length in hex digits (256 bits). */
    public static final int MIN_HEX_DIGITS = 64;

    private final byte[] bytes;
    private final String id;

    private PseudonymKey(byte[] bytes) {
        this.bytes = bytes;
        this.id = HexFormat.of().formatHex(sha256(bytes), 0, 8);
    }

    /** Reads and checks a key file: present, not readable by group or others, hex, at least 256 bits. */
    public static PseudonymKey fromFile(Path file) {
        requireNonNull(file, "file is null");
        String content;
        try {
            checkPermissions(file);
            content = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new KeyException("Cannot read pseudonymisation key: file " + file + " does not exist");
        } catch (IOException e) {
            throw new KeyException("Cannot read pseudonymisation key: file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        return fromHex(content, "file " + file);
    }

    /**
     * Parses a key from hex text; {@code where} names its origin for messages.
     * Surrounding whitespace is ignored.
     */
    public static PseudonymKey fromHex(String hex, String where) {
        requireNonNull(hex, "hex is null");
        requireNonNull(where, "where is null");
        String trimmed = hex.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.digit(trimmed.charAt(i), 16) < 0) {
                throw new KeyException("Cannot use pseudonymisation key from " + where
                        + ": it is not hexadecimal (character " + (i + 1) + " is not 0-9 or a-f)");
            }
        }
        if (trimmed.length() < MIN_HEX_DIGITS) {
            throw new KeyException("Cannot use pseudonymisation key from " + where + ": it has "
                    + trimmed.length() + " hex digits, at least " + MIN_HEX_DIGITS + " (256 bits) are required");
        }
        if (trimmed.length() % 2 != 0) {
            throw new KeyException("Cannot use pseudonymisation key from " + where
                    + ": it has an odd number of hex digits (" + trimmed.length() + ")");
        }
        byte[] bytes = HexFormat.of().parseHex(trimmed);
        boolean allZero = true;
        for (byte b : bytes) {
            allZero &= b == 0;
        }
        if (allZero) {
            throw new KeyException("Cannot use pseudonymisation key from " + where
                    + ": it is all zeros, expected random bytes (openssl rand -hex 32)");
        }
        return new PseudonymKey(bytes);
    }

    /**
     * Writes a fresh random 256-bit key in hex to a new owner-only file, for demos, benchmarks and new
     * projects; the returned key is the file's.
     */
    public static PseudonymKey createRandom(Path file) {
        requireNonNull(file, "file is null");
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyException("Cannot write pseudonymisation key file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        return new PseudonymKey(bytes);
    }

    private static void checkPermissions(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        // Before any read: reading a FIFO blocks until something writes to it, which may be never.
        if (Files.isDirectory(file)) {
            throw new KeyException("Cannot use pseudonymisation key file " + file
                    + ": it is a directory, expected a file holding the key in hex");
        }
        if (!Files.isRegularFile(file)) {
            throw new KeyException("Cannot use pseudonymisation key file " + file
                    + ": it is not a regular file (a FIFO, socket or device), expected a file holding the key in hex");
        }
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            throw new KeyException("Cannot use pseudonymisation key file " + file
                    + ": it is readable by group or others; restrict it with chmod 600");
        }
        // Writable by others, the key could be swapped for one they know, and their pseudonyms reversed.
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new KeyException("Cannot use pseudonymisation key file " + file
                    + ": it is writable by group or others; restrict it with chmod 600");
        }
    }

    /** The key ID: the first 16 hex digits of SHA-256 of the key bytes. Safe to record anywhere. */
    public String id() {
        return id;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute SHA-256: the JVM lacks it", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PseudonymKey other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256(bytes));
    }

    @Override
    public String toString() {
        return "PseudonymKey[id=" + id + "]";
    }
}
