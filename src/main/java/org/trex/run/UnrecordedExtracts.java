package org.trex.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.trex.extract.ExtractDirectory;
import org.trex.governance.LiveRuns;

/**
 * The extracts of runs that died between renaming their extract into place and committing its record: no release
 * stands for them, so no deletion notice would ever reach the people they hold, and the extract's next run
 * withdraws them.
 */
final class UnrecordedExtracts {
    /** The run's own log: an operator reads the withdrawal among the lines of the run that made it. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExtractRunner.class);

    private UnrecordedExtracts() {
    }

    /** Withdraws the run folders of {@code extractId} under {@code outputRoot} whose runs are recorded abandoned. */
    static void withdraw(Path outputRoot, String extractId, LiveRuns runs) {
        Map<String, Path> folders = new TreeMap<>();
        ExtractDirectory.runFolders(outputRoot, extractId)
                .forEach(folder -> folders.put(folder.getFileName().toString(), folder));
        runs.abandoned(folders.keySet()).forEach((run, seq) -> {
            ExtractDirectory.withdraw(folders.get(run));
            LOG.warn("Withdrew {}: run {} renamed it into place and ended before recording it (audit entry {}"
                    + " records it abandoned), so no release stands for it", folders.get(run), run, seq);
        });
    }
}
