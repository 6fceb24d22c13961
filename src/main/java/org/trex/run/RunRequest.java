package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.trex.governance.TurnWait;
import org.trex.lineage.ParentRun;
import org.trex.source.DatabaseUrl;
import org.trex.spec.LoadedSpec;

/**
 * One run of an approved extract: the spec, where to read and record, where to write, as of when,
 * under which run ID, with which key file (else the policy's), the scheduler's run (its lineage
 * parent and its own run ID as the scheduler names it) if any, and the longest it waits for its turn at the release
 * ledger.
 */
public record RunRequest(
        LoadedSpec spec,
        DatabaseUrl source,
        DatabaseUrl governance,
        Path outputRoot,
        UUID runId,
        LocalDate asOf,
        Optional<Path> keyFile,
        Optional<ParentRun> parent,
        Optional<String> schedulerRunId,
        String actor,
        TurnWait turnWait) {

    public RunRequest {
        requireNonNull(spec, "spec is null");
        requireNonNull(source, "source is null");
        requireNonNull(governance, "governance is null");
        requireNonNull(outputRoot, "outputRoot is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(keyFile, "keyFile is null");
        requireNonNull(parent, "parent is null");
        requireNonNull(schedulerRunId, "schedulerRunId is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(turnWait, "turnWait is null");
    }

    /** The key file to use: the one given, else the policy's for the spec's project, relative to the policy file. */
    public Path resolvedKeyFile() {
        return keyFile.orElseGet(() -> {
            String project = spec.spec().value().project();
            var key = spec.policy().value().key(project).orElseThrow(() -> new IllegalArgumentException(
                    "Cannot find a pseudonymisation key for project " + project + ": policy "
                            + spec.policy().value().id() + " names none; give --key-file or TREX_KEY_FILE"));
            Path file = Path.of(key.file());
            return file.isAbsolute() ? file : spec.policy().file().toAbsolutePath().getParent().resolve(file)
                    .normalize();
        });
    }
}
