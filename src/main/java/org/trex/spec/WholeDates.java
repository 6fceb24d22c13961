package org.trex.spec;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole dates in a text, as {@code trex verify} finds them around an extract's data and {@code trex plan} finds
 * them in a spec's words: year first (as TREx writes dates) or day first, with slashes, dots or hyphens (as exports
 * write a date of birth); in words, day or month first (2 July 1939, 2nd of July 1939, 02-Jul-1939, July 2, 1939);
 * and run together, YYYYMMDD (19390702), as systems write a date into a field or a file name.
 */
public final class WholeDates {
    // A date next to a letter or digit is part of something longer: a time (an event's) or a token (a hash).
    private static final String ALONE_BEFORE = "(?<![0-9A-Za-z])";
    private static final String ALONE_AFTER = "(?![0-9A-Za-z])";
    // After a digit and a dot or comma, a number is the tail of another (a version 1.2, a count 1,234).
    private static final String NO_NUMBER_BEFORE = ALONE_BEFORE + "(?<![0-9][.,])";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String BETWEEN = "(?:\\h+|\\h*[-/.]\\h*)";
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    /** One way of writing a date, and which of its groups hold the year, the month and the day. */
    private record Form(Pattern pattern, int year, int month, int day) {
        Form(String regex, int year, int month, int day) {
            this(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), year, month, day);
        }
    }

    private static final List<Form> FORMS = List.of(
            new Form(ALONE_BEFORE + "(\\d{4})-(\\d{2})-(\\d{2})" + ALONE_AFTER, 1, 2, 3),
            new Form(ALONE_BEFORE + "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})" + ALONE_AFTER, 4, 3, 1),
            new Form(NO_NUMBER_BEFORE + DAY + "(?:\\h+of)?" + BETWEEN + MONTH + ",?" + BETWEEN + "(\\d{4})"
                    + ALONE_AFTER, 3, 2, 1),
            new Form(ALONE_BEFORE + MONTH + "\\h+" + DAY + ",?\\h+(\\d{4})" + ALONE_AFTER, 3, 1, 2),
            // Joined to a word or number by - _ . / or a comma, eight digits are a part of it: a run ID's first
            // group, a version, a file's serial number.
            new Form(NO_NUMBER_BEFORE + "(?<![-_./])(\\d{4})(\\d{2})(\\d{2})" + ALONE_AFTER
                    + "(?![-_./,][0-9A-Za-z])", 1, 2, 3));

    private WholeDates() {
    }

    /** The calendar dates written whole in this text. */
    public static Set<LocalDate> in(String text) {
        Set<LocalDate> dates = new HashSet<>();
        for (Form form : FORMS) {
            Matcher date = form.pattern().matcher(text);
            while (date.find()) {
                try {
                    dates.add(LocalDate.of(Integer.parseInt(date.group(form.year())), month(date.group(form.month())),
                            Integer.parseInt(date.group(form.day()))));
                } catch (DateTimeException e) {
                    // Not a calendar date (a month 13), so no one's date of birth.
                }
            }
        }
        return dates;
    }

    private static int month(String written) {
        return Character.isDigit(written.charAt(0)) ? Integer.parseInt(written)
                : MONTHS.indexOf(written.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }
}
