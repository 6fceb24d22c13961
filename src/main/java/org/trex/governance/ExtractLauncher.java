package org.trex.governance;

import java.time.LocalDate;

/** Runs one extract for {@link DueRunner}; the run pipeline implements it. */
@FunctionalInterface
public interface ExtractLauncher {
    /**
     * Runs {@code extract} as of {@code asOf} under {@code runId}. A thrown exception counts as a failed
     * run, so its message must hold no personal data.
     */
    RunResult launch(ScheduledExtract extract, LocalDate asOf, String runId);
}
