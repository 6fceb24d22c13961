package org.trex.spec;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole dates in a text, as {@code trex verify} finds them around an extract's data and {@code trex plan} finds
 * them in a spec's words: year first (as TREx writes dates) or day first, with slashes, dots or hyphens (as exports
 * write a date of birth).
 */
public final class WholeDates {
    // A date next to a letter or digit is part of something longer: a time (an event's) or a token (a hash).
    private static final Pattern WHOLE_DATE = Pattern.compile("(?<![0-9A-Za-z])(?:(\\d{4})-(\\d{2})-(\\d{2})"
            + "|(\\d{1,2})([/.-])(\\d{1,2})\\5(\\d{4}))(?![0-9A-Za-z])");

    private WholeDates() {
    }

    /** The calendar dates written whole in this text. */
    public static Set<LocalDate> in(String text) {
        Set<LocalDate> dates = new HashSet<>();
        Matcher date = WHOLE_DATE.matcher(text);
        while (date.find()) {
            try {
                dates.add(date.group(1) != null
                        ? LocalDate.of(number(date, 1), number(date, 2), number(date, 3))
                        : LocalDate.of(number(date, 7), number(date, 6), number(date, 4)));
            } catch (DateTimeException e) {
                // Not a calendar date (a month 13), so no one's date of birth.
            }
        }
        return dates;
    }

    private static int number(Matcher date, int group) {
        return Integer.parseInt(date.group(group));
    }
}
