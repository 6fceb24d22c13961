package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The problems found so far in one file; loading goes on after a problem so that all are reported at once. */
final class Problems {
    private final Path file;
    private final List<SpecProblem> found = new ArrayList<>();

    Problems(Path file) {
        this.file = requireNonNull(file, "file is null");
    }

    Path file() {
        return file;
    }

    void add(YamlTree.Location location, String message) {
        // A message may quote the value it refuses, and an analyst may have typed a person's number as one.
        found.add(new SpecProblem(file, location.line(), location.column(), IdentifiersInText.redacted(message)));
    }

    /** Problems found in another file this one reads (a definitions file it imports). */
    void addAll(List<SpecProblem> problems) {
        found.addAll(problems);
    }

    int count() {
        return found.size();
    }

    List<SpecProblem> list() {
        return found.stream().sorted().toList();
    }
}
