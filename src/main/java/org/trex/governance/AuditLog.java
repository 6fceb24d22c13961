package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.AUDIT_ACTION;
import static org.trex.governance.GovernanceTables.AUDIT_ACTOR;
import static org.trex.governance.GovernanceTables.AUDIT_AT;
import static org.trex.governance.GovernanceTables.AUDIT_DETAILS;
import static org.trex.governance.GovernanceTables.AUDIT_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.AUDIT_HASH;
import static org.trex.governance.GovernanceTables.AUDIT_LOG;
import static org.trex.governance.GovernanceTables.AUDIT_PREV_HASH;
import static org.trex.governance.GovernanceTables.AUDIT_RUN_ID;
import static org.trex.governance.GovernanceTables.AUDIT_SEQ;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.trex.source.DatabaseUrl;
import org.trex.spec.IdentifiersInText;

/**
 * The append-only, hash-chained audit log in {@code trex_governance.audit_log}.
 *
 * <p>Each entry's hash is the lowercase hex SHA-256 of the UTF-8 canonical JSON (keys sorted, no
 * whitespace) of {@code {"action","actor","at","details","extract_id","prev_hash","run_id","seq"}},
 * where {@code at} is UTC with six fractional digits and {@code prev_hash} is the previous entry's hash
 * (64 zeros for the first). The database refuses UPDATE, DELETE and TRUNCATE; the chain catches whoever
 * gets round that.
 */
public final class AuditLog {
    /** The prev_hash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final List<Field<?>> COLUMNS = List.of(AUDIT_SEQ, AUDIT_AT, AUDIT_ACTOR, AUDIT_ACTION,
            AUDIT_EXTRACT_ID, AUDIT_RUN_ID, AUDIT_DETAILS, AUDIT_PREV_HASH, AUDIT_HASH);

    private final DatabaseUrl url;
    private final Clock clock;

    public AuditLog(DatabaseUrl url) {
        this(url, Clock.systemUTC());
    }

    public AuditLog(DatabaseUrl url, Clock clock) {
        this.url = requireNonNull(url, "url is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Appends an entry; concurrent appends from any process are serialized so the chain never forks. */
    public AuditEntry append(String actor, AuditAction action, Optional<String> extractId, Optional<String> runId,
            Map<String, ?> details) {
        return GovernanceDatabase.transaction(url, "append to the audit log",
                dsl -> append(dsl, actor, action, extractId, runId, details));
    }

    /** Appends within the caller's transaction, so a decision and its audit entry commit together. */
    AuditEntry append(DSLContext dsl, String actor, AuditAction action, Optional<String> extractId,
            Optional<String> runId, Map<String, ?> details) {
        Texts.requireText(actor, "actor");
        requireNonNull(action, "action is null");
        requireNonNull(extractId, "extractId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(details, "details is null");
        // EXCLUSIVE still lets readers in but makes every other appender wait for our commit.
        dsl.query("LOCK TABLE {0} IN EXCLUSIVE MODE", AUDIT_LOG).execute();
        Record3<Long, String, OffsetDateTime> last = dsl.select(AUDIT_SEQ, AUDIT_HASH, AUDIT_AT).from(AUDIT_LOG)
                .orderBy(AUDIT_SEQ.desc()).limit(1).fetchOne();
        long seq = last == null ? 1 : last.value1() + 1;
        String prevHash = last == null ? GENESIS_HASH : last.value2();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Never before the entry it follows: each host's clock is the database's time as that host read it, a few
        // milliseconds out, and an entry's time must not say it came before one its sequence puts ahead of it.
        Instant at = last == null || !now.isBefore(last.value3().toInstant()) ? now : last.value3().toInstant();
        // Hash what PostgreSQL will hand back, so verify() recomputes the same bytes from the stored jsonb.
        // The log is kept for good and cannot be edited: a file name, period or scheduler ID someone typed as a
        // person's NHS number or postcode goes in redacted, as it is on the terminal.
        String safe = CanonicalJson.write(CanonicalJson.withTexts(details, IdentifiersInText::redacted));
        JSONB stored = dsl.select(DSL.cast(DSL.val(JSONB.valueOf(safe)), SQLDataType.JSONB)).fetchSingle().value1();
        AuditEntry entry = entry(seq, at, actor, action, extractId, runId, stored, prevHash);
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_SEQ, entry.seq())
                .set(AUDIT_AT, at.atOffset(ZoneOffset.UTC))
                .set(AUDIT_ACTOR, actor)
                .set(AUDIT_ACTION, action.name())
                .set(AUDIT_EXTRACT_ID, extractId.orElse(null))
                .set(AUDIT_RUN_ID, runId.orElse(null))
                .set(AUDIT_DETAILS, stored)
                .set(AUDIT_PREV_HASH, prevHash)
                .set(AUDIT_HASH, entry.hash())
                .execute();
        return entry;
    }

    /** The entries in sequence order, all of them or those at or after {@code since}. */
    public List<AuditEntry> list(Optional<Instant> since) {
        requireNonNull(since, "since is null");
        Condition condition = since.map(instant -> AUDIT_AT.ge(instant.atOffset(ZoneOffset.UTC)))
                .orElse(DSL.noCondition());
        return GovernanceDatabase.transaction(url, "read the audit log",
                dsl -> select(dsl, condition).stream().map(AuditLog::stored).toList());
    }

    /** The entries of one action, in sequence order. */
    public List<AuditEntry> list(AuditAction action) {
        requireNonNull(action, "action is null");
        return GovernanceDatabase.transaction(url, "read the audit log",
                dsl -> select(dsl, AUDIT_ACTION.eq(action.name())).stream().map(AuditLog::stored).toList());
    }

    /** The RUN_START entry of a run ID, if a run started under it. */
    public Optional<AuditEntry> runStart(String runId) {
        Texts.requireText(runId, "run ID");
        return GovernanceDatabase.transaction(url, "read the audit log",
                dsl -> select(dsl, AUDIT_ACTION.eq(AuditAction.RUN_START.name()).and(AUDIT_RUN_ID.eq(runId))).stream()
                        .findFirst().map(AuditLog::stored));
    }

    /**
     * Walks the whole chain and names every entry that was edited or whose predecessors were deleted;
     * empty when the chain is intact. Deleting the newest entries leaves no trace in the chain itself.
     */
    public List<ChainProblem> verify() {
        List<Record> rows = GovernanceDatabase.transaction(url, "read the audit log",
                dsl -> select(dsl, DSL.noCondition()));
        List<ChainProblem> problems = new ArrayList<>();
        long expectedSeq = 1;
        String expectedPrev = GENESIS_HASH;
        for (Record row : rows) {
            AuditEntry stored = stored(row);
            long seq = stored.seq();
            if (seq != expectedSeq) {
                problems.add(new ChainProblem(seq, ChainProblem.Kind.DELETED, seq == expectedSeq + 1
                        ? "Audit entry " + expectedSeq + " is missing before entry " + seq + ": it was deleted"
                        : "Audit entries " + expectedSeq + " to " + (seq - 1) + " are missing before entry " + seq
                                + ": they were deleted"));
            } else if (!stored.prevHash().equals(expectedPrev)) {
                problems.add(new ChainProblem(seq, ChainProblem.Kind.DELETED, "Audit entry " + seq
                        + " does not link to the entry before it: prev_hash " + stored.prevHash() + " but expected "
                        + expectedPrev + "; an entry was deleted or replaced"));
            }
            AuditEntry recomputed = entry(seq, stored.at(), stored.actor(), stored.action(), stored.extractId(),
                    stored.runId(), row.get(AUDIT_DETAILS), stored.prevHash());
            if (!recomputed.hash().equals(stored.hash())) {
                problems.add(new ChainProblem(seq, ChainProblem.Kind.EDITED, "Audit entry " + seq
                        + " was edited: its contents hash to " + recomputed.hash() + " but it records "
                        + stored.hash()));
            }
            expectedSeq = seq + 1;
            expectedPrev = stored.hash();
        }
        return List.copyOf(problems);
    }

    /**
     * {@link #verify()}, and each anchor's entry still there with the hash noted: a superuser who edits an entry and
     * recomputes every hash after it leaves an intact chain, but not the anchors taken before.
     */
    public List<ChainProblem> verify(List<AuditAnchor> anchors) {
        requireNonNull(anchors, "anchors is null");
        List<ChainProblem> problems = new ArrayList<>(verify());
        Map<Long, String> hashes = new HashMap<>();
        GovernanceDatabase.transaction(url, "read the audit log", dsl -> select(dsl, AUDIT_SEQ.in(
                anchors.stream().map(AuditAnchor::seq).toList()))).forEach(row -> hashes.put(row.get(AUDIT_SEQ),
                        row.get(AUDIT_HASH)));
        for (AuditAnchor anchor : anchors) {
            String hash = hashes.get(anchor.seq());
            if (hash == null) {
                problems.add(new ChainProblem(anchor.seq(), ChainProblem.Kind.REWRITTEN, "Audit entry "
                        + anchor.seq() + ", anchored as " + anchor.hash() + ", is gone: the log was cut back"));
            } else if (!hash.equals(anchor.hash())) {
                problems.add(new ChainProblem(anchor.seq(), ChainProblem.Kind.REWRITTEN, "Audit entry "
                        + anchor.seq() + " is not the one anchored: it records " + hash + ", anchored as "
                        + anchor.hash() + "; the log was rewritten at or before it"));
            }
        }
        return List.copyOf(problems);
    }

    /** The newest entry, the one to anchor; empty for an empty log. */
    public Optional<AuditEntry> head() {
        return GovernanceDatabase.transaction(url, "read the audit log",
                dsl -> dsl.select(COLUMNS).from(AUDIT_LOG).orderBy(AUDIT_SEQ.desc()).limit(1).fetchOptional()
                        .map(AuditLog::stored));
    }

    private static List<Record> select(DSLContext dsl, Condition condition) {
        return dsl.select(COLUMNS).from(AUDIT_LOG).where(condition).orderBy(AUDIT_SEQ).fetch();
    }

    private static AuditEntry stored(Record row) {
        return new AuditEntry(row.get(AUDIT_SEQ), row.get(AUDIT_AT).toInstant(), row.get(AUDIT_ACTOR),
                action(row.get(AUDIT_ACTION)), Optional.ofNullable(row.get(AUDIT_EXTRACT_ID)),
                Optional.ofNullable(row.get(AUDIT_RUN_ID)),
                CanonicalJson.write(CanonicalJson.parse(row.get(AUDIT_DETAILS).data())),
                row.get(AUDIT_PREV_HASH), row.get(AUDIT_HASH));
    }

    private static AuditAction action(String name) {
        try {
            return AuditAction.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read audit entry: unknown action '" + name + "'", e);
        }
    }

    private static AuditEntry entry(long seq, Instant at, String actor, AuditAction action, Optional<String> extractId,
            Optional<String> runId, JSONB details, String prevHash) {
        Object parsedDetails = CanonicalJson.parse(details.data());
        Map<String, Object> hashed = new TreeMap<>();
        hashed.put("action", action.name());
        hashed.put("actor", actor);
        hashed.put("at", AT.format(at));
        hashed.put("details", parsedDetails);
        hashed.put("extract_id", extractId.orElse(null));
        hashed.put("prev_hash", prevHash);
        hashed.put("run_id", runId.orElse(null));
        hashed.put("seq", seq);
        String hash = sha256(CanonicalJson.write(hashed));
        return new AuditEntry(seq, at, actor, action, extractId, runId, CanonicalJson.write(parsedDetails), prevHash,
                hash);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash audit entry: SHA-256 is not available", e);
        }
    }
}
