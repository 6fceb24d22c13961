package org.trex.run;

import java.util.regex.Pattern;

/**
 * Scrubs exception text from libraries before it reaches lineage, logs or the terminal: a failing
 * cast or parse can quote a value, and a value may be an NHS number or a postcode.
 */
public final class SafeMessages {
    /**
     * NHS-number shaped: ten digits, maybe 3-3-4 with spaces or dashes, or any nine or more digits in a row, not inside
     * a hex digest.
     */
    private static final Pattern DIGIT_RUNS = Pattern.compile(
            "(?<![0-9A-Fa-f])(\\d{3}[ -]\\d{3}[ -]\\d{4}|\\d{9,})(?![0-9A-Fa-f])");
    private static final Pattern POSTCODES = Pattern.compile("(?i)\\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\\b");
    private static final Pattern DATES = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    private SafeMessages() {
    }

    /**
     * The first line of a throwable's message with anything that could identify a person replaced. TREx's
     * own messages ("Cannot ...") never quote row values, so their dates (expiry, as-of) stay.
     */
    public static String of(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.lines().findFirst().orElse(message);
        line = line.length() > 500 ? line.substring(0, 500) + "..." : line;
        String scrubbed = POSTCODES.matcher(DIGIT_RUNS.matcher(line).replaceAll("[redacted]")).replaceAll("[redacted]");
        return line.startsWith("Cannot ") ? scrubbed : DATES.matcher(scrubbed).replaceAll("[date]");
    }
}
