package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One rule a row broke, where: file, line and column, and the offending value only when it is a code from a
 * national list. No constructor takes any other value, so no report can carry a person's data.
 *
 * @param file the file's name
 * @param line the row's first line in the file (1-based, the header is line 1)
 * @param column the national column, or the empty string for a rule about the whole row
 * @param rule what was broken
 * @param code the offending code, when the column holds codes
 */
public record Finding(String file, long line, String column, QualityRule rule, Optional<String> code) {
    public Finding {
        requireNonNull(file, "file is null");
        requireNonNull(column, "column is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(code, "code is null");
        if (line < 1) {
            throw new IllegalArgumentException("Cannot report a finding at line " + line + ": lines start at 1");
        }
    }

    /** A finding about a column; its value is kept only when the column's kind may be shown. */
    static Finding of(String file, long line, NationalColumn column, QualityRule rule, String value) {
        Optional<String> code = column.kind().shown() && value != null ? Optional.of(value) : Optional.empty();
        return new Finding(file, line, column.name(), rule, code);
    }

    /** A finding about the whole row. */
    static Finding ofRow(String file, long line, QualityRule rule) {
        return new Finding(file, line, "", rule, Optional.empty());
    }
}
