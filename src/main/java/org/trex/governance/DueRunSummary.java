package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The result of one {@code run --due} pass: a report per due extract and the overall outcome. */
public record DueRunSummary(String schedulerRunId, List<DueRunReport> runs) {
    public DueRunSummary {
        requireNonNull(schedulerRunId, "schedulerRunId is null");
        runs = List.copyOf(requireNonNull(runs, "runs is null"));
    }

    /** SOME_FAILED if any run failed, else ALL_RAN if any ran, else NOTHING_DUE. */
    public DueOutcome outcome() {
        if (runs.stream().anyMatch(run -> run.status() == DueRunReport.Status.FAILED)) {
            return DueOutcome.SOME_FAILED;
        }
        return runs.stream().anyMatch(run -> run.status() == DueRunReport.Status.SUCCEEDED)
                ? DueOutcome.ALL_RAN
                : DueOutcome.NOTHING_DUE;
    }
}
