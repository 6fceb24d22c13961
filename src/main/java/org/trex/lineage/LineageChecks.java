package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** Checks shared by the lineage records. */
final class LineageChecks {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private LineageChecks() {
    }

    static String requireText(String value, String name) {
        requireNonNull(value, name + " is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("Cannot describe lineage: " + name + " is blank");
        }
        return value;
    }

    static String requireSha256(String value, String name) {
        requireNonNull(value, name + " is null");
        if (!SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "Cannot describe lineage: " + name + " is not 64 lower-case hex digits: " + value);
        }
        return value;
    }

    static long requireCount(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException("Cannot describe lineage: " + name + " is negative: " + value);
        }
        return value;
    }
}
