package org.trex.run;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.trex.extract.BuildInfo;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.LiveRuns;
import org.trex.governance.RunLock;
import org.trex.governance.SignedApproval;
import org.trex.plan.ExtractPlan;

/**
 * The start of a run that passed its preflight: its run ID's lock taken, the ID checked again under it, and its
 * RUN_START recorded; a start that fails lets go of the lock at once.
 */
final class RunStart {
    private RunStart() {
    }

    /**
     * Starts the run; returns the lock on its run ID, which the caller holds until the run's end is recorded, so a
     * run whose process dies is told from a live one.
     */
    static RunLock begin(RunRequest request, Preflight preflight, AuditLog audit, Clock clock) {
        RunLock lock = hold(request, preflight, clock);
        try {
            audit.append(request.actor(), AuditAction.RUN_START, Optional.of(preflight.plan().spec().id()),
                    Optional.of(request.runId().toString()), details(request, preflight));
            return lock;
        } catch (RuntimeException e) {
            // A run that never started holds nothing: a --due pass goes on in this JVM to its other extracts.
            lock.close();
            throw e;
        }
    }

    /**
     * The run ID's lock; the ID is checked again under it, as another process may have started a run under it since
     * the preflight.
     */
    private static RunLock hold(RunRequest request, Preflight preflight, Clock clock) {
        String extractId = preflight.plan().spec().id();
        RunLock lock = null;
        try {
            lock = new LiveRuns(request.governance(), clock).hold(extractId, request.runId().toString());
            Preflight.requireUnusedRunId(request, preflight.plan(), clock);
            return lock;
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            Preflight.recordRefusal(request, Optional.of(preflight.plan()), clock, e);
            throw e;
        }
    }

    private static Map<String, Object> details(RunRequest request, Preflight preflight) {
        ExtractPlan plan = preflight.plan();
        SignedApproval approval = preflight.approval();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("specVersion", plan.spec().version());
        details.put("planHash", plan.planHash());
        details.put("asOf", request.asOf().toString());
        details.put("approvalReference", approval.approval().reference());
        details.put("approvalSigners", approval.tally().signers().stream()
                .map(s -> s.member().id() + " " + s.member().key().fingerprint()).toList());
        details.put("boardRegisterSha256", approval.board().sha256());
        details.put("keyId", preflight.key().id());
        preflight.nationalList().listDate().ifPresent(d -> details.put("nationalDataOptOutListDate", d.toString()));
        details.put("toolVersion", BuildInfo.current().version());
        details.put("commit", BuildInfo.current().commit());
        request.schedulerRunId().ifPresent(id -> details.put("schedulerRunId", id));
        // Where its FAIL event is kept, for the process that finds the run ended without an end in the audit log.
        details.put(LiveRuns.OUTPUT_ROOT, request.outputRoot().toAbsolutePath().normalize().toString());
        return details;
    }
}
