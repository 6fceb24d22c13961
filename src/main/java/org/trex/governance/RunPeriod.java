package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The scheduled instant a run belongs to; its key (such as {@code 2025-06-01T06:00}) identifies the period. */
public record RunPeriod(LocalDateTime start) {
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    public RunPeriod {
        requireNonNull(start, "start is null");
        if (start.getSecond() != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("Cannot use run period " + start + ": cron periods start on a minute");
        }
    }

    /** The stable key stored with each scheduled run. */
    public String key() {
        return KEY.format(start);
    }
}
