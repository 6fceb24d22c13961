package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A stable snake_case code and the words a reader sees for it: an exclusion reason, a grouping, a trace outcome. */
public record Label(String code, String text) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    public Label {
        requireNonNull(code, "code is null");
        requireNonNull(text, "text is null");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Cannot use label code '" + code + "': expected snake_case");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("Cannot use label " + code + ": its text is blank");
        }
    }
}
