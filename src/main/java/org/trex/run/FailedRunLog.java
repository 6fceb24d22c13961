package org.trex.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.trex.governance.LiveRuns;
import org.trex.lineage.LineageLog;
import org.trex.lineage.LineageRun;
import org.trex.lineage.OpenLineageEvents;

/** A failed run's START and FAIL events, in a folder of their own beside (never inside) the extract's runs. */
public final class FailedRunLog {
    /** The folder, under the extract's folder in the output root. */
    public static final String FOLDER = "failed-runs";
    /** The run's own log: an operator reads this warning among the lines of the run that failed. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExtractRunner.class);

    private FailedRunLog() {
    }

    /**
     * The failure an abandoned run's FAIL event records, when the run's output root is known and this host holds the
     * event: a run that failed while the governance database was down could record it only there. Its message is
     * scrubbed again, as the file is read back from a folder another process wrote.
     */
    public static Optional<LiveRuns.RecordedFailure> failure(LiveRuns.AbandonedRun run) {
        if (run.outputRoot().isEmpty() || run.extractId().isEmpty()) {
            return Optional.empty();
        }
        Path file = run.outputRoot().get().resolve(run.extractId().get()).resolve(FOLDER)
                .resolve(run.runId() + ".ndjson");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return LineageLog.read(file).stream()
                    .filter(event -> "FAIL".equals(event.path("eventType").asText())
                            && run.runId().equals(event.path("run").path("runId").asText()))
                    .filter(event -> !event.path("run").path("facets").path("errorMessage").path("message").asText()
                            .isBlank())
                    .map(event -> new LiveRuns.RecordedFailure(file, event.path("eventTime").asText(),
                            SafeMessages.line(event.path("run").path("facets").path("errorMessage").path("message")
                                    .asText())))
                    .findFirst();
        } catch (RuntimeException e) {
            // Unreadable, or not the log TREx writes: the run is recorded as abandoned without its failure.
            LOG.warn("Cannot read the FAIL event of run {} in {}: {}", run.runId(), file, SafeMessages.of(e));
            return Optional.empty();
        }
    }

    /**
     * Writes the run's START and FAIL events; on a failure to (a full disk), removes what was written and warns, as
     * the run has already failed and a log cut mid-line is one no lineage reader can parse.
     */
    static void write(Path outputRoot, LineageRun lineage, Instant failedAt, String message) {
        Path failed = outputRoot.resolve(lineage.jobName()).resolve(FOLDER).resolve(lineage.runId() + ".ndjson");
        try {
            // LineageLog creates the folders owner-only, as every file TREx writes
            LineageLog.append(failed, OpenLineageEvents.start(lineage));
            LineageLog.append(failed, OpenLineageEvents.fail(lineage, failedAt, message));
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(failed);
            } catch (IOException ignored) {
                // What is left is a line cut short at worst; the warning below says what happened.
            }
            LOG.warn("Cannot write the FAIL event of run {} to {} ({}): removed what was written of it; the audit"
                    + " log's failed end records the failure", lineage.runId(), failed, SafeMessages.of(e));
        }
    }
}
