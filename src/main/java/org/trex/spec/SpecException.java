package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/** A spec or policy that cannot be used, with every problem found in it, in file and line order. */
public final class SpecException extends RuntimeException {
    private final List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(message(problems));
        this.problems = problems.stream().sorted().toList();
    }

    /** Every problem, in file and line order. */
    public List<SpecProblem> problems() {
        return problems;
    }

    private static String message(List<SpecProblem> problems) {
        requireNonNull(problems, "problems is null");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("Cannot report a spec error: there are no problems");
        }
        return problems.stream().sorted().map(SpecProblem::toString).collect(Collectors.joining("\n"));
    }
}
