package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One output of a release: its name and kind, the column holding person pseudonyms (record level), its rows, and
 * the files of the people it holds, one line per person: {@code <pseudonym> TAB <rows>}, no person twice.
 */
public record ReleasedOutput(String name, ReleaseOutputKind kind, Optional<String> personColumn, long rows,
        List<Path> people) {
    public ReleasedOutput {
        Texts.requireText(name, "output name");
        requireNonNull(kind, "kind is null");
        requireNonNull(personColumn, "personColumn is null");
        if (rows < 0) {
            throw new IllegalArgumentException("Cannot register output " + name + ": " + rows + " rows");
        }
        people = List.copyOf(requireNonNull(people, "people is null"));
    }
}
