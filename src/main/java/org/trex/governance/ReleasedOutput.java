package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One output of a release: its name and kind, the column holding person pseudonyms (record level), its rows, the
 * files of the people it holds, one line per person: {@code <pseudonym> TAB <rows>}, no person twice, and whether the
 * register knows them at all (a records output without a person column may hold people it does not).
 */
public record ReleasedOutput(String name, ReleaseOutputKind kind, Optional<String> personColumn, long rows,
        List<Path> people, RegisteredPeople registered) {
    public ReleasedOutput {
        Texts.requireText(name, "output name");
        requireNonNull(kind, "kind is null");
        requireNonNull(personColumn, "personColumn is null");
        if (rows < 0) {
            throw new IllegalArgumentException("Cannot register output " + name + ": " + rows + " rows");
        }
        people = List.copyOf(requireNonNull(people, "people is null"));
        requireNonNull(registered, "registered is null");
    }

    /**
     * An output as a run releases it, with the files of its people: a records output without a person column and
     * without files holds people the register will not know.
     */
    public ReleasedOutput(String name, ReleaseOutputKind kind, Optional<String> personColumn, long rows,
            List<Path> people) {
        this(name, kind, personColumn, rows, people, kind == ReleaseOutputKind.RECORDS && personColumn.isEmpty()
                && people.isEmpty() && rows > 0 ? RegisteredPeople.UNKNOWN : RegisteredPeople.KNOWN);
    }
}
