package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reporting period from its first day to its last, both included, written {@code YYYY-MM-DD/YYYY-MM-DD} as a load
 * is recorded by it: the ASC-CLD submission's Reporting_Period_Start_Date and Reporting_Period_End_Date.
 */
public record ReportingPeriod(LocalDate start, LocalDate end) {
    /** A quarter, a year to date or a year: from 28 days to a year (a leap year's 366). */
    static final long MIN_DAYS = 28;
    static final long MAX_DAYS = 366;

    /** An example that is one, for messages. */
    static final String EXAMPLE = "2024-04-01/2025-03-31";

    private static final Pattern LABEL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}/\\d{4}-\\d{2}-\\d{2}");

    public ReportingPeriod {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }

    /** The period a label names, when it is two ISO dates, the first not after the second; empty otherwise. */
    public static Optional<ReportingPeriod> parse(String label) {
        if (!LABEL.matcher(label).matches()) {
            return Optional.empty();
        }
        LocalDate start = RowChecker.date(label.substring(0, 10));
        LocalDate end = RowChecker.date(label.substring(11));
        return start == null || end == null || end.isBefore(start) ? Optional.empty()
                : Optional.of(new ReportingPeriod(start, end));
    }

    /** The smallest period that holds every one of {@code periods}. */
    static ReportingPeriod span(Collection<ReportingPeriod> periods) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("Cannot span no reporting period");
        }
        LocalDate start = periods.stream().map(ReportingPeriod::start).min(LocalDate::compareTo).orElseThrow();
        LocalDate end = periods.stream().map(ReportingPeriod::end).max(LocalDate::compareTo).orElseThrow();
        return new ReportingPeriod(start, end);
    }

    /** Its days, the first and last included. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /**
     * Whether it runs from 28 days to a year; dates outside that are other dates in its columns, such as a date of
     * birth, which must not become the period a load is recorded by.
     */
    public boolean plausible() {
        return days() >= MIN_DAYS && days() <= MAX_DAYS;
    }

    /** {@code YYYY-MM-DD/YYYY-MM-DD}, the label a load of it is recorded by. */
    @Override
    public String toString() {
        return start + "/" + end;
    }
}
