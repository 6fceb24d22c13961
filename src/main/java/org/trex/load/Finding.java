package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * One rule a row broke, where: file, line and column; never the row's value. A value not on its column's list is
 * not shown either: a column mapped wrongly or shifted by a stray comma holds names, numbers or dates there. Only a
 * code from the list itself can be named: the one the value differs from in case or spacing alone.
 *
 * @param file the file's name
 * @param line the row's first line in the file (1-based, the header is line 1)
 * @param column the national column, or the empty string for a rule about the whole row
 * @param rule what was broken
 * @param code for a value not on its column's list, the listed code it matches but for case and spacing
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

    /** A finding about a column. */
    static Finding of(String file, long line, NationalColumn column, QualityRule rule) {
        return new Finding(file, line, column.name(), rule, Optional.empty());
    }

    /** A value not on its column's list: the listed code it matches but for case and spacing, if one does. */
    static Finding unknownCode(String file, long line, NationalColumn column, String value, Collection<String> list) {
        String folded = folded(value);
        Optional<String> code = list.stream().filter(listed -> folded(listed).equals(folded)).findFirst();
        return new Finding(file, line, column.name(), QualityRule.UNKNOWN_CODE, code);
    }

    private static String folded(String value) {
        return value.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** A finding about the whole row. */
    static Finding ofRow(String file, long line, QualityRule rule) {
        return new Finding(file, line, "", rule, Optional.empty());
    }
}
