package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One {@code trex load}: the kind of file, the files, an optional mapping file, period and council code, and the mode.
 *
 * @param period the period to replace, in its kind's form ({@link SourceKind#requirePeriod}); otherwise social care
 *     files give theirs and the others are {@code all}
 * @param council social care's: the council's own LA code, which every row must state; otherwise the rows must state
 *     one code, which is not checked
 */
public record LoadRequest(SourceKind kind, List<Path> files, Optional<Path> mapping, Optional<String> period,
        Optional<CouncilCode> council, LoadMode mode) {
    public LoadRequest {
        requireNonNull(kind, "kind is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(mapping, "mapping is null");
        requireNonNull(period, "period is null");
        requireNonNull(council, "council is null");
        requireNonNull(mode, "mode is null");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Cannot load " + kind.cliName() + ": no file was given");
        }
        period.ifPresent(kind::requirePeriod);
        CouncilCodes.requireSocialCare(kind, council);
    }
}
