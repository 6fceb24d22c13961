package org.trex.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Specs written into a test's folder laid out as the repository is, so their imports ({@code definitions/})
 * resolve.
 */
public final class SpecCopies {
    private SpecCopies() {
    }

    /**
     * Writes {@code yaml} as {@code root/extracts/<name>} and copies the shipped definitions to
     * {@code root/definitions}.
     */
    public static Path write(Path root, String name, String yaml) {
        try {
            copyDefinitions(root);
            Path extracts = Files.createDirectories(root.resolve("extracts"));
            return Files.writeString(extracts.resolve(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the shipped definitions libraries to {@code root/definitions}. */
    public static void copyDefinitions(Path root) {
        try (Stream<Path> files = Files.list(Path.of("definitions"))) {
            Path target = Files.createDirectories(root.resolve("definitions"));
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
