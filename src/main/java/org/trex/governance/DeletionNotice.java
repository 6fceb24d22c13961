package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a TRE must delete from one released extract, by when: the people (by pseudonym) who objected after it was
 * released, with their rows in each output; aggregates are named, as they cannot be recalled. Done once the TRE
 * says so ({@code doneAt}, {@code doneBy}), with the copies of the extract TREx read to check it ({@code checkedIn}),
 * none when it was recorded on the operator's word.
 */
public record DeletionNotice(
        String id,
        ReleaseRegister.Registered release,
        Instant issuedAt,
        LocalDate asOf,
        LocalDate dueOn,
        Optional<Instant> doneAt,
        Optional<String> doneBy,
        List<Path> checkedIn,
        List<NoticedPerson> people) {

    private static final String PREFIX = "DN-";

    public DeletionNotice {
        requireNonNull(id, "id is null");
        requireNonNull(release, "release is null");
        requireNonNull(issuedAt, "issuedAt is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(dueOn, "dueOn is null");
        requireNonNull(doneAt, "doneAt is null");
        requireNonNull(doneBy, "doneBy is null");
        checkedIn = List.copyOf(requireNonNull(checkedIn, "checkedIn is null"));
        if (!checkedIn.isEmpty() && doneAt.isEmpty()) {
            throw new IllegalArgumentException("Cannot read notice " + id
                    + ": it names copies checked but is not done");
        }
        people = List.copyOf(requireNonNull(people, "people is null"));
    }

    /** Where the notice stands on {@code today}. */
    public NoticeStatus status(LocalDate today) {
        requireNonNull(today, "today is null");
        if (doneAt.isPresent()) {
            return NoticeStatus.DONE;
        }
        return today.isAfter(dueOn) ? NoticeStatus.OVERDUE : NoticeStatus.OPEN;
    }

    /** The outputs named on the notice, of one kind, in the release's order. */
    public List<String> outputs(ReleaseOutputKind kind) {
        requireNonNull(kind, "kind is null");
        return release.release().outputs().stream()
                .filter(o -> o.kind() == kind)
                .map(ReleasedOutput::name)
                .filter(name -> !holdings(name).isEmpty())
                .toList();
    }

    /** Where the register holds the notice's people in one output, and with how many rows each. */
    public List<ReleaseRegister.Holding> holdings(String output) {
        requireNonNull(output, "output is null");
        return people.stream().flatMap(p -> p.holdings().stream()).filter(h -> h.output().equals(output)).toList();
    }

    /**
     * How the notice was recorded done, in words: "checked in N copies (paths)", "on the operator's word, unchecked",
     * or, for a notice naming aggregates alone, that there was no row to delete; empty while it is not done.
     */
    public Optional<String> evidence() {
        if (doneAt.isEmpty()) {
            return Optional.empty();
        }
        if (outputs(ReleaseOutputKind.RECORDS).isEmpty()) {
            return Optional.of("read: it named no row to delete");
        }
        return Optional.of(checkedIn.isEmpty() ? "on the operator's word, unchecked"
                : "checked in " + checkedIn.size() + " cop" + (checkedIn.size() == 1 ? "y" : "ies") + " ("
                        + String.join(", ", checkedIn.stream().map(Path::toString).toList()) + ")");
    }

    static String id(long number) {
        return PREFIX + String.format("%06d", number);
    }

    /** The register's number of a notice ID such as DN-000012. */
    static long number(String id) {
        requireNonNull(id, "id is null");
        if (!id.matches(PREFIX + "[0-9]{1,18}")) {
            throw new IllegalArgumentException("Cannot read notice ID '" + id
                    + "': expected DN- and digits, such as DN-000001");
        }
        return Long.parseLong(id.substring(PREFIX.length()));
    }
}
