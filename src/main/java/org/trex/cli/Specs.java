package org.trex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.trex.source.SourceCatalog;
import org.trex.spec.LoadedSpec;

/** Loading the spec a command names, with its policy, validated against the source catalog. */
final class Specs {
    private Specs() {
    }

    static LoadedSpec load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot read extract spec " + file + ": no such file");
        }
        return LoadedSpec.load(file, SourceCatalog.standard());
    }
}
