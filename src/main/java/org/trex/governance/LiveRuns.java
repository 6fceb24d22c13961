package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.AUDIT_ACTION;
import static org.trex.governance.GovernanceTables.AUDIT_AT;
import static org.trex.governance.GovernanceTables.AUDIT_DETAILS;
import static org.trex.governance.GovernanceTables.AUDIT_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.AUDIT_LOG;
import static org.trex.governance.GovernanceTables.AUDIT_RUN_ID;
import static org.trex.governance.GovernanceTables.AUDIT_SEQ;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/**
 * Which started runs are alive. A run holds a PostgreSQL session advisory lock on its run ID from before its RUN_START
 * until after its RUN_END; a process killed outright (kill -9, a power cut) loses its session and so the lock. A
 * RUN_START with no end whose lock is free is a dead run's, and is closed with a RUN_ABANDONED entry.
 */
public final class LiveRuns {
    /** Why an abandoned run published nothing: the rename into place commits only with the run's RUN_END. */
    static final String NOT_PUBLISHED = "no release was recorded: an extract is renamed into place only inside the "
            + "transaction that records its run's RUN_END, so none stands unless the process died between that rename "
            + "and its commit (trex verify then says published but not recorded: do not release it; the extract's next "
            + "run withdraws it)";
    /** The RUN_START detail naming the output root the run wrote in, where its FAIL event is kept. */
    public static final String OUTPUT_ROOT = "outputRoot";
    static final String STAGING = "its staging folder, if left, is removed by the extract's next run once its lease "
            + "lapses, as a failed run's";

    private final DatabaseUrl url;
    private final Clock clock;

    public LiveRuns(DatabaseUrl url, Clock clock) {
        this.url = requireNonNull(url, "url is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Takes the run ID's lock on a connection of its own, held until the returned lock is closed; refuses an ID a
     * live run holds.
     */
    public RunLock hold(String extractId, String runId) {
        Texts.requireText(runId, "run ID");
        Connection connection = url.connect();
        try {
            if (!tryLock(GovernanceDatabase.using(connection), runId)) {
                throw new IllegalArgumentException("Cannot run extract " + extractId + ": run ID " + runId
                        + " was already used: a live run holds it; give another --run-id");
            }
            return new RunLock(url, connection, runId);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * A started run with neither an end nor a live lock, named by its RUN_START entry, with the output root that entry
     * names (runs started before it was recorded name none).
     */
    public record AbandonedRun(long startSeq, Optional<String> extractId, String runId, Optional<Path> outputRoot) {
        public AbandonedRun {
            requireNonNull(extractId, "extractId is null");
            Texts.requireText(runId, "run ID");
            requireNonNull(outputRoot, "outputRoot is null");
        }
    }

    /**
     * The failure an abandoned run recorded where the audit log could not take it (its FAIL event, written when the
     * governance database was unreachable): where, when, and its error message, which holds no person's data.
     */
    public record RecordedFailure(Path file, String failedAt, String error) {
        public RecordedFailure {
            requireNonNull(file, "file is null");
            Texts.requireText(failedAt, "failedAt");
            Texts.requireText(error, "error");
        }
    }

    /**
     * What {@link #closeAbandoned} did: the RUN_ABANDONED entries it recorded, and the abandoned runs it could not
     * record because the governance role may only read (SQLSTATE 42501).
     */
    public record Closed(List<AuditEntry> recorded, List<AbandonedRun> unrecorded) {
        public Closed {
            recorded = List.copyOf(requireNonNull(recorded, "recorded is null"));
            unrecorded = List.copyOf(requireNonNull(unrecorded, "unrecorded is null"));
        }
    }

    /**
     * Records a RUN_ABANDONED entry for each started run that has no end and no live process, citing the failure
     * {@code failures} finds it recorded elsewhere, as a run that failed while the governance database was down could
     * not record its end. A role without the privilege to append (an IG officer's, read-only) records none and is
     * told which runs it left unrecorded.
     */
    public Closed closeAbandoned(String actor, Function<AbandonedRun, Optional<RecordedFailure>> failures) {
        Texts.requireText(actor, "actor");
        requireNonNull(failures, "failures is null");
        AuditLog audit = new AuditLog(url, clock);
        List<AuditEntry> recorded = new ArrayList<>();
        List<AbandonedRun> unrecorded = new ArrayList<>();
        Connection connection = url.connect();
        try {
            DSLContext locks = GovernanceDatabase.using(connection);
            for (AbandonedRun run : unended(locks)) {
                String runId = run.runId();
                // A live run holds its lock; this session cannot take it, so a live run is never marked.
                if (!tryLock(locks, runId)) {
                    continue;
                }
                try {
                    Optional<RecordedFailure> failure = failures.apply(run);
                    GovernanceDatabase.transaction(url, "record abandoned run " + runId,
                            dsl -> abandon(dsl, audit, actor, run, failure)).ifPresent(recorded::add);
                } catch (DatabaseException e) {
                    if (!GovernanceDatabase.deniesPrivilege(e)) {
                        throw e;
                    }
                    unrecorded.add(run);
                } finally {
                    AdvisoryLocks.unlock(locks, lockKey(runId));
                }
            }
        } catch (DataAccessException e) {
            throw GovernanceDatabase.failure(url, "find abandoned runs", e);
        } finally {
            closeQuietly(connection);
        }
        return new Closed(recorded, unrecorded);
    }

    /**
     * Refuses to publish a run the audit log has recorded as abandoned: its session was lost while it ran, so another
     * process found its lock free. Under the log's lock, which the transaction holds to its commit, so no RUN_ABANDONED
     * can be recorded between this check and the commit of the run's end.
     */
    static void requireNotAbandoned(DSLContext dsl, String runId) {
        dsl.query("LOCK TABLE {0} IN EXCLUSIVE MODE", AUDIT_LOG).execute();
        Optional<Long> abandoned = dsl.select(AUDIT_SEQ).from(AUDIT_LOG)
                .where(AUDIT_RUN_ID.eq(runId)).and(AUDIT_ACTION.eq(AuditAction.RUN_ABANDONED.name()))
                .orderBy(AUDIT_SEQ).limit(1).fetchOptional(AUDIT_SEQ);
        if (abandoned.isPresent()) {
            throw new IllegalStateException("Cannot publish run " + runId + ": the audit log recorded it as abandoned "
                    + "(entry " + abandoned.get() + ") while it ran; its governance session was lost");
        }
    }

    /**
     * The run's RUN_ABANDONED entry. Its reason says only what the log knows, that the process ended without recording
     * the run's end, and the failure the run recorded elsewhere when there is one: a run that failed while the
     * governance database was down is not said to have been killed.
     */
    private static Optional<AuditEntry> abandon(DSLContext dsl, AuditLog audit, String actor, AbandonedRun run,
            Optional<RecordedFailure> failure) {
        // Under the log's lock, so an end the run committed before its lock was freed is seen, as is another
        // reconciler's entry.
        dsl.query("LOCK TABLE {0} IN EXCLUSIVE MODE", AUDIT_LOG).execute();
        String runId = run.runId();
        if (dsl.fetchExists(AUDIT_LOG, AUDIT_RUN_ID.eq(runId).and(AUDIT_ACTION.in(AuditAction.RUN_END.name(),
                AuditAction.RUN_ABANDONED.name())))) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", "abandoned");
        details.put("runStartSeq", run.startSeq());
        details.put("reason", failure.map(f -> "the run failed, and its process ended without recording its end in "
                + "the audit log (the governance database could not take it); its FAIL event gives the failure")
                .orElse("the run's process ended without recording its end in the audit log, and no FAIL event of it"
                        + " was found" + run.outputRoot().map(root -> " under " + root).orElse("")
                        + ": it was killed or its host stopped, or it failed and could keep no record of it"));
        failure.ifPresent(f -> {
            details.put("error", f.error());
            details.put("failedAt", f.failedAt());
            details.put("failEvent", f.file().toString());
        });
        details.put("published", NOT_PUBLISHED);
        details.put("staging", STAGING);
        return Optional.of(audit.append(dsl, actor, AuditAction.RUN_ABANDONED, run.extractId(), Optional.of(runId),
                details));
    }

    /**
     * Of {@code runIds}, those the audit log records as abandoned, each with its RUN_ABANDONED entry's seq: none of
     * them published (a run recorded so publishes nothing), so an extract one left at its final path, its process
     * dead between the rename and the commit that would have recorded it, is one no release stands for.
     */
    public Map<String, Long> abandoned(Collection<String> runIds) {
        requireNonNull(runIds, "runIds is null");
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return GovernanceDatabase.transaction(url, "read the audit log", dsl -> dsl.select(AUDIT_RUN_ID, AUDIT_SEQ)
                .from(AUDIT_LOG)
                .where(AUDIT_ACTION.eq(AuditAction.RUN_ABANDONED.name()))
                .and(AUDIT_RUN_ID.in(runIds))
                .orderBy(AUDIT_SEQ).fetchMap(AUDIT_RUN_ID, AUDIT_SEQ));
    }

    /**
     * The started run whose session holds advisory lock {@code key}, in words ({@code run R of extract E (started at
     * T)}), when the audit log names one: a run's session holds its run ID's lock beside any other it takes.
     */
    static Optional<String> holding(DSLContext dsl, long key) {
        Set<Long> held = AdvisoryLocks.heldBeside(dsl, key);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        return unended(dsl).stream().filter(run -> held.contains(lockKey(run.runId()))).findFirst()
                .map(run -> "run " + run.runId() + run.extractId().map(id -> " of extract " + id).orElse("")
                        + " (started at " + dsl.select(AUDIT_AT).from(AUDIT_LOG).where(AUDIT_SEQ.eq(run.startSeq()))
                                .fetchSingle().value1().toInstant() + ")");
    }

    private static List<AbandonedRun> unended(DSLContext dsl) {
        var ends = AUDIT_LOG.as("ends");
        var endRun = DSL.field(DSL.name("ends", "run_id"), SQLDataType.CLOB);
        var endAction = DSL.field(DSL.name("ends", "action"), SQLDataType.CLOB);
        Field<String> outputRoot = DSL.field("{0} ->> {1}", SQLDataType.CLOB, AUDIT_DETAILS, DSL.inline(OUTPUT_ROOT));
        return dsl.select(AUDIT_SEQ, AUDIT_EXTRACT_ID, AUDIT_RUN_ID, outputRoot).from(AUDIT_LOG)
                .where(AUDIT_ACTION.eq(AuditAction.RUN_START.name()))
                .and(AUDIT_RUN_ID.isNotNull())
                .andNotExists(DSL.selectOne().from(ends).where(endRun.eq(AUDIT_RUN_ID))
                        .and(endAction.in(AuditAction.RUN_END.name(), AuditAction.RUN_ABANDONED.name())))
                .orderBy(AUDIT_SEQ).fetch(LiveRuns::abandonedRun);
    }

    private static AbandonedRun abandonedRun(Record4<Long, String, String, String> start) {
        return new AbandonedRun(start.value1(), Optional.ofNullable(start.value2()), start.value3(),
                Optional.ofNullable(start.value4()).map(Path::of));
    }

    private static boolean tryLock(DSLContext dsl, String runId) {
        return AdvisoryLocks.tryLock(dsl, lockKey(runId));
    }

    /** A 64-bit advisory lock key for a run ID, from SHA-256 so it meets no scheduling lock's key. */
    static long lockKey(String runId) {
        return AdvisoryLocks.key("trex.run", runId);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing ends the session, and the session's end frees its locks either way.
        }
    }
}
