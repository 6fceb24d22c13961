package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** Validation shared by the governance records. */
final class Texts {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Texts() {
    }

    static String requireText(String value, String what) {
        requireNonNull(value, what + " is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("Cannot use " + what + ": it is empty");
        }
        return value;
    }

    /** Whether the value is 32 bytes as 64 lowercase hex digits: a SHA-256 digest, or an HMAC-SHA256 pseudonym. */
    static boolean isSha256Hex(String value) {
        return SHA256_HEX.matcher(value).matches();
    }

    /** A SHA-256 digest as 64 lowercase hex digits, as trex computes them; anything else is a caller's mistake. */
    static String requireSha256(String value, String what) {
        requireNonNull(value, what + " is null");
        if (!isSha256Hex(value)) {
            throw new IllegalArgumentException("Cannot use " + what + " '" + value
                    + "': expected 64 lowercase hex digits (SHA-256)");
        }
        return value;
    }

    /** Plan hashes come from the planner as lowercase SHA-256 hex; anything else is a caller's mistake. */
    static String requirePlanHash(String value) {
        requireNonNull(value, "planHash is null");
        if (!isSha256Hex(value)) {
            throw new IllegalArgumentException("Cannot use plan hash '" + value
                    + "': expected 64 lowercase hex digits (SHA-256)");
        }
        return value;
    }
}
