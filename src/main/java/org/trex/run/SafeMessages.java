package org.trex.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trex.extract.FullDisk;
import org.trex.nhs.NhsNumber;
import org.trex.source.DatabaseUrl;

/**
 * Scrubs exception text from libraries before it reaches lineage, logs or the terminal: a failing
 * cast or parse can quote a value, and a value may be an NHS number, a postcode or a date of birth.
 */
public final class SafeMessages {
    /**
     * Runs of hex digits: a digest is one, and an NHS number is found inside one or standing alone. A whole UUID (a
     * run ID) is matched first and kept: its last group is twelve hex digits, all of them digits once in 300 runs.
     */
    private static final Pattern HEX_RUNS = Pattern.compile("(?<![0-9A-Fa-f])([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}"
            + "-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})(?![0-9A-Fa-f])|[0-9A-Fa-f]+");
    private static final Pattern ALL_DIGITS = Pattern.compile("\\d{9,}");
    private static final Pattern TEN_DIGITS = Pattern.compile("(?=(\\d{10}))");
    /** Shorter than any digest or key ID TREx prints (16 hex digits and more), so those stay readable. */
    private static final int DIGEST_LENGTH = 16;
    /** NHS-number shaped with separators: 3-3-4 with spaces, dashes or dots. */
    private static final Pattern SEPARATED = Pattern.compile("(?<!\\d)\\d{3}[ .-]\\d{3}[ .-]\\d{4}(?!\\d)");
    private static final Pattern POSTCODES =
            Pattern.compile("(?i)(?<![A-Z0-9])[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}(?![A-Z0-9])");
    private static final Pattern DAY_FIRST_DATES = Pattern.compile("(?<!\\d)\\d{1,2}/\\d{1,2}/\\d{4}(?!\\d)");
    /**
     * jOOQ's messages open with the whole statement ({@code SQL [select ...]; ERROR: ...}): it names nothing a user can
     * act on and fills the one line shown; the driver's message under it says what went wrong.
     */
    private static final String JOOQ_STATEMENT = "SQL [";
    private static final int LONGEST_LIBRARY_LINE = 500;
    private static final int LONGEST_OWN_LINE = 2000;
    private static final Pattern ISO_DATES = Pattern.compile("(?<!\\d)\\d{4}-\\d{2}-\\d{2}(?!\\d)");
    /** A trace's line that names a throwable (its own, a cause's or a suppressed one's), then gives its message. */
    private static final Pattern THROWN = Pattern.compile("(\\s*(?:Caused by: |Suppressed: )?[\\w$.]+: )(.*)");

    private SafeMessages() {
    }

    /**
     * The first line of a throwable's message with anything that could identify a person replaced. TREx's
     * own messages ("Cannot ...") never quote row values, so their dates (expiry, as-of) stay.
     */
    public static String of(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.startsWith(JOOQ_STATEMENT)) {
            message = driverMessage(e).orElse(message);
        }
        return scrubbed(message.lines().findFirst().orElse(message));
    }

    /**
     * A throwable's stack trace as {@code printStackTrace} writes it, each line scrubbed as {@link #of} scrubs a
     * message: the messages of the throwable, of its causes and of those suppressed can quote what a user typed or
     * what a library read, as the frames between them cannot.
     */
    public static List<String> trace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString().lines().map(SafeMessages::traceLine).toList();
    }

    private static String traceLine(String line) {
        Matcher thrown = THROWN.matcher(line);
        return thrown.matches() ? line(thrown.group(1)) + scrubbed(thrown.group(2)) : scrubbed(line);
    }

    /** One line of a message, TREx's own ({@code Cannot ...}) or a library's, scrubbed. */
    private static String scrubbed(String line) {
        boolean own = line.startsWith("Cannot ");
        // A library's line can quote a whole row; TREx's own say what and why, which a reader needs whole.
        int longest = own ? LONGEST_OWN_LINE : LONGEST_LIBRARY_LINE;
        String cut = line.length() > longest ? line.substring(0, longest) + "..." : line;
        String scrubbed = line(cut);
        return own ? scrubbed : ISO_DATES.matcher(scrubbed).replaceAll("[date]");
    }

    /**
     * A write that found its disk full, in TREx's words first (which disk, what it has free), then the write's own
     * line, as {@link #of(Throwable)} gives it.
     */
    public static String of(FullDisk full) {
        return line(full.reason()) + ": " + of(full.write());
    }

    /** The message of the driver's exception under a jOOQ one, as {@link DatabaseUrl#safeMessage} gives it. */
    private static Optional<String> driverMessage(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(DatabaseUrl.safeMessage(sql));
            }
        }
        return Optional.empty();
    }

    /**
     * A line of TREx's own with anything that could identify a person replaced, for lines that name what was read
     * from a file anyone could have edited: NHS numbers (alone, inside a short run of hex digits, or 3-3-4),
     * postcodes and day-first dates. ISO dates stay: TREx's own dates (periods, expiry) are written so.
     */
    public static String line(String text) {
        String numbers = SEPARATED.matcher(HEX_RUNS.matcher(text).replaceAll(SafeMessages::hexRun))
                .replaceAll("[redacted]");
        String postcodes = POSTCODES.matcher(numbers).replaceAll("[redacted]");
        return DAY_FIRST_DATES.matcher(postcodes).replaceAll("[date]");
    }

    private static String hexRun(MatchResult run) {
        String value = run.group();
        if (run.group(1) != null) {
            return Matcher.quoteReplacement(value);
        }
        if (ALL_DIGITS.matcher(value).matches()) {
            return "[redacted]";
        }
        if (value.length() < DIGEST_LENGTH) {
            Matcher ten = TEN_DIGITS.matcher(value);
            while (ten.find()) {
                if (NhsNumber.isValidNormalised(ten.group(1))) {
                    return "[redacted]";
                }
            }
        }
        return Matcher.quoteReplacement(value);
    }
}
