package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code trex load}: the kind of file, the files, an optional mapping file and period, and the mode.
 *
 * @param period a period label to replace; otherwise social care files give theirs and the others are {@code all}
 */
public record LoadRequest(SourceKind kind, List<Path> files, Optional<Path> mapping, Optional<String> period,
        LoadMode mode) {
    private static final Pattern PERIOD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]{0,63}");

    public LoadRequest {
        requireNonNull(kind, "kind is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(mapping, "mapping is null");
        requireNonNull(period, "period is null");
        requireNonNull(mode, "mode is null");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Cannot load " + kind.cliName() + ": no file was given");
        }
        if (period.isPresent() && !PERIOD.matcher(period.get()).matches()) {
            throw new IllegalArgumentException("Cannot load period '" + period.get() + "': expected letters, digits and"
                    + " . _ / - (up to 64), such as 2024-25-Q4");
        }
    }
}
