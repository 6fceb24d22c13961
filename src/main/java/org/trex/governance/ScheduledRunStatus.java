package org.trex.governance;

/** The status column of {@code trex_governance.scheduled_run}. */
enum ScheduledRunStatus {
    STARTED,
    SUCCEEDED,
    FAILED
}
