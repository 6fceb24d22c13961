package org.trex.governance;

import static java.util.Objects.requireNonNull;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A spec's schedule: a 5-field Unix cron expression (minute hour day-of-month month day-of-week),
 * parsed by cron-utils. Times are wall-clock times with no zone, because runs are asked for by as-of date.
 */
public record CronSchedule(String expression) {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    public CronSchedule {
        requireNonNull(expression, "expression is null");
        expression = expression.strip();
        parse(expression);
    }

    /**
     * The period a run as of {@code asOf} belongs to: the latest scheduled minute at or before the end
     * of that day; empty when the schedule has never fired by then.
     */
    public Optional<RunPeriod> periodFor(LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        // UTC only as a zone without daylight saving, so every wall-clock minute exists exactly once.
        return ExecutionTime.forCron(parse(expression))
                .lastExecution(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC))
                .map(instant -> new RunPeriod(instant.toLocalDateTime()));
    }

    /**
     * The date of the first scheduled run on or after {@code date}: the as-of date a scheduled run will have (runs
     * take the day they are started on). Empty when the schedule never fires again.
     */
    public Optional<LocalDate> firstRunOnOrAfter(LocalDate date) {
        requireNonNull(date, "date is null");
        // The next execution strictly after the last minute of the day before: the day's own runs count.
        return ExecutionTime.forCron(parse(expression))
                .nextExecution(date.atStartOfDay(ZoneOffset.UTC).minusMinutes(1))
                .map(instant -> instant.toLocalDate());
    }

    private static Cron parse(String expression) {
        try {
            return PARSER.parse(expression).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot use schedule '" + expression
                    + "': expected a 5-field cron expression (minute hour day-of-month month day-of-week), "
                    + e.getMessage(), e);
        }
    }
}
