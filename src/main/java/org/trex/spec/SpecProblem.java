package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One thing wrong with a spec or policy file, where it is: printed as {@code file:line:column: message}, as compilers
 * print it, without the column or the line where they are unknown (0).
 */
public record SpecProblem(Path file, int line, int column, String message) implements Comparable<SpecProblem> {
    private static final Comparator<SpecProblem> ORDER = Comparator.comparing((SpecProblem p) -> p.file.toString())
            .thenComparingInt(SpecProblem::line).thenComparingInt(SpecProblem::column)
            .thenComparing(SpecProblem::message);

    public SpecProblem {
        requireNonNull(file, "file is null");
        requireNonNull(message, "message is null");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("Cannot place a problem at line " + line + ", column " + column
                    + ": they must be 0 (unknown) or more");
        }
    }

    @Override
    public int compareTo(SpecProblem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        if (line == 0) {
            return file + ": " + message;
        }
        return column == 0 ? file + ":" + line + ": " + message : file + ":" + line + ":" + column + ": " + message;
    }
}
