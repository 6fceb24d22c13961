package org.trex.spec;

import java.util.regex.Pattern;

/** The shape of names in specs and policies: lowercase letters, digits, _ and -, from a letter. */
final class Names {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private Names() {
    }

    /** A column or output name: it becomes a file name and a Parquet column, so it stays plain. */
    static String requireIdentifier(String value, String what) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("Cannot use " + what + " '" + value
                    + "': use lowercase letters, digits and _, starting with a letter (at most 63)");
        }
        return value;
    }

    /** A spec, policy or project ID: it becomes a directory name. */
    static String requireId(String value, String what) {
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException("Cannot use " + what + " '" + value
                    + "': use lowercase letters, digits and -, starting with a letter (at most 63)");
        }
        return value;
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Cannot use " + what + ": it is empty");
        }
        return value;
    }
}
