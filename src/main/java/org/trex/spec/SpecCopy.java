package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A spec copied with what it needs beside it (its policy in {@code policies/}, the definitions library in
 * {@code definitions/}) into a folder of its own, so that a made-up board register written there
 * ({@code governance/board.yaml}) is the one its plan is approved under: the demo and the bench use it.
 */
public final class SpecCopy {
    private SpecCopy() {
    }

    /** Copies {@code source} into {@code out}/extracts and returns the copied spec's path. */
    public static Path into(LoadedSpec source, Path out) {
        requireNonNull(source, "source is null");
        requireNonNull(out, "out is null");
        Path spec = out.resolve("extracts").resolve(source.spec().file().getFileName());
        Path policy = out.resolve(LoadedSpec.POLICIES_FOLDER).resolve(source.policy().file().getFileName());
        try {
            Files.createDirectories(spec.getParent());
            Files.createDirectories(policy.getParent());
            Files.copy(source.spec().file(), spec, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(source.policy().file(), policy, StandardCopyOption.REPLACE_EXISTING);
            copyDefinitions(source.spec().file().toAbsolutePath().getParent().resolveSibling(Definitions.FOLDER),
                    out.resolve(Definitions.FOLDER));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the spec " + source.spec().file() + " and its policy into "
                    + out + ": " + e.getMessage(), e);
        }
        return spec;
    }

    /** The library the spec imports, copied beside the copied spec's folder as it stands beside the original. */
    private static void copyDefinitions(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
