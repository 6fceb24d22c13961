package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The longest a run waits for its turn at the release ledger while another run of its extract or project has it, in
 * whole seconds, minutes or hours as a scheduler's settings give it ({@code 90s}, {@code 30m}, {@code 2h}); zero is
 * no wait at all.
 */
public record TurnWait(Duration most) {
    /** The longest wait the form writes: within what {@link System#nanoTime} measures. */
    private static final Duration LONGEST = Duration.ofHours(999_999);
    /** An hour: far longer than a run takes at a large council's size, short of a nightly schedule's next night. */
    public static final TurnWait DEFAULT = new TurnWait(Duration.ofHours(1));
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})([smh])");

    public TurnWait {
        requireNonNull(most, "most is null");
        if (most.isNegative()) {
            throw new IllegalArgumentException("Cannot wait " + most + " for a turn at the release ledger: the wait "
                    + "is negative");
        }
        if (most.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("Cannot wait " + most + " for a turn at the release ledger: the longest "
                    + "wait is " + LONGEST);
        }
    }

    /** The wait written as {@code 90s}, {@code 30m} or {@code 2h}. */
    public static TurnWait parse(String text) {
        requireNonNull(text, "text is null");
        Matcher form = FORM.matcher(text.strip());
        if (!form.matches()) {
            throw new IllegalArgumentException("Cannot read the wait for a turn '" + text + "': give whole seconds, "
                    + "minutes or hours, as 90s, 30m or 2h (0s: do not wait)");
        }
        long n = Long.parseLong(form.group(1));
        return new TurnWait(switch (form.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        });
    }

    /** As {@link #parse} reads it, in the largest unit that gives it whole. */
    @Override
    public String toString() {
        long seconds = most.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
