package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** Where a part of a spec or definitions file was written, so later checks can report it at its line. */
public record Position(Path file, int line, int column) {
    public Position {
        requireNonNull(file, "file is null");
    }

    /** A problem at this position. */
    public SpecProblem problem(String message) {
        return new SpecProblem(file, line, column, message);
    }
}
