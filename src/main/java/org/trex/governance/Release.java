package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.trex.spec.Applicability;

/**
 * A published extract as the release register records it: which run of which extract, under which project key
 * (its ID and where the run found it, never the key), as of when, whether the national data opt-out applied,
 * how many days a TRE has to delete an objector's
 * rows, where it was published, and its outputs.
 */
public record Release(
        String extractId,
        String runId,
        int specVersion,
        String project,
        String keyId,
        Path keyFile,
        LocalDate asOf,
        Applicability nationalDataOptOut,
        int deletionDays,
        Path extractPath,
        List<ReleasedOutput> outputs) {

    public Release {
        Texts.requireText(extractId, "extractId");
        Texts.requireText(runId, "runId");
        Texts.requireText(project, "project");
        requireNonNull(keyId, "keyId is null");
        if (!keyId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("Cannot register release " + runId + ": key ID '" + keyId
                    + "' is not 16 hex digits");
        }
        requireNonNull(keyFile, "keyFile is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(nationalDataOptOut, "nationalDataOptOut is null");
        if (deletionDays < 1) {
            throw new IllegalArgumentException("Cannot register release " + runId + ": deletion days " + deletionDays
                    + " must be 1 or more");
        }
        requireNonNull(extractPath, "extractPath is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
    }

    /** The outputs holding people the register does not know, so that no deletion notice can name their rows. */
    public List<String> outputsOfUnknownPeople() {
        return outputs.stream().filter(output -> output.registered() == RegisteredPeople.UNKNOWN)
                .map(ReleasedOutput::name).toList();
    }
}
