package org.trex.governance;

import static java.util.Objects.requireNonNull;

import org.trex.spec.ExtractSpec;

/** An approved extract with a schedule, as {@code run --due} considers it. */
public record ScheduledExtract(String extractId, CronSchedule schedule) {
    public ScheduledExtract {
        Texts.requireText(extractId, "extract id");
        requireNonNull(schedule, "schedule is null");
    }

    /** The spec's id and schedule; refuses a spec without one. */
    public static ScheduledExtract of(ExtractSpec spec) {
        requireNonNull(spec, "spec is null");
        String cron = spec.schedule().orElseThrow(() -> new IllegalArgumentException(
                "Cannot schedule extract " + spec.id() + ": its spec has no schedule"));
        try {
            return new ScheduledExtract(spec.id(), new CronSchedule(cron));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot schedule extract " + spec.id() + ": " + e.getMessage(), e);
        }
    }
}
