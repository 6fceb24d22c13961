package org.trex.governance;

import static java.util.Objects.requireNonNull;

/** What an {@link ExtractLauncher} reports about one run: its outcome and a line saying what happened. */
public record RunResult(Outcome outcome, String detail) {
    /** Whether the run produced its extract. */
    public enum Outcome {
        SUCCEEDED,
        FAILED
    }

    public RunResult {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(detail, "detail is null");
    }

    public static RunResult succeeded(String detail) {
        return new RunResult(Outcome.SUCCEEDED, detail);
    }

    public static RunResult failed(String why) {
        return new RunResult(Outcome.FAILED, why);
    }
}
