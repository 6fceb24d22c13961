package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.OUTPUT_ID;
import static org.trex.governance.GovernanceTables.OUTPUT_KIND;
import static org.trex.governance.GovernanceTables.OUTPUT_NAME;
import static org.trex.governance.GovernanceTables.OUTPUT_PEOPLE_OF;
import static org.trex.governance.GovernanceTables.OUTPUT_PERSON_COLUMN;
import static org.trex.governance.GovernanceTables.OUTPUT_RELEASE_ID;
import static org.trex.governance.GovernanceTables.OUTPUT_ROWS;
import static org.trex.governance.GovernanceTables.PERSON_OUTPUT_ID;
import static org.trex.governance.GovernanceTables.PERSON_PSEUDONYM;
import static org.trex.governance.GovernanceTables.PERSON_ROWS;
import static org.trex.governance.GovernanceTables.RELEASE;
import static org.trex.governance.GovernanceTables.RELEASE_AS_OF;
import static org.trex.governance.GovernanceTables.RELEASE_DELETION_DAYS;
import static org.trex.governance.GovernanceTables.RELEASE_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.RELEASE_EXTRACT_PATH;
import static org.trex.governance.GovernanceTables.RELEASE_ID;
import static org.trex.governance.GovernanceTables.RELEASE_KEY_FILE;
import static org.trex.governance.GovernanceTables.RELEASE_KEY_ID;
import static org.trex.governance.GovernanceTables.RELEASE_NATIONAL_DATA_OPT_OUT;
import static org.trex.governance.GovernanceTables.RELEASE_OUTPUT;
import static org.trex.governance.GovernanceTables.RELEASE_PERSON;
import static org.trex.governance.GovernanceTables.RELEASE_PROJECT;
import static org.trex.governance.GovernanceTables.RELEASE_RELEASED_AT;
import static org.trex.governance.GovernanceTables.RELEASE_RUN_ID;
import static org.trex.governance.GovernanceTables.RELEASE_SPEC_VERSION;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.ReleaseHistory;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.spec.Applicability;

/**
 * The release register of people ({@code trex_governance.release*}): what each published extract holds, by
 * person pseudonym under its project key, so that an objection recorded later finds every extract that holds the
 * person. The people go in by COPY, straight from the files the run counted them into, once for the outputs that
 * counted the same rows.
 */
public final class ReleaseRegister {
    private static final int FLUSH_AT = 1 << 20;
    private static final HexFormat HEX = HexFormat.of();
    /** Whether the register holds any person of an output: its own, or those of the output it shares them with. */
    private static final Field<Boolean> PEOPLE_REGISTERED = DSL.field(DSL.exists(DSL.selectOne().from(RELEASE_PERSON)
            .where(PERSON_OUTPUT_ID.eq(DSL.coalesce(OUTPUT_PEOPLE_OF, OUTPUT_ID))))).as("people_registered");

    private final DatabaseUrl url;
    private final Clock clock;

    public ReleaseRegister(DatabaseUrl url, Clock clock) {
        this.url = requireNonNull(url, "url is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A release as registered: its register ID, when, and what (its outputs without their people files). */
    public record Registered(long id, Instant releasedAt, Release release) {
        public Registered {
            requireNonNull(releasedAt, "releasedAt is null");
            requireNonNull(release, "release is null");
        }
    }

    /** Rows of one person, by pseudonym, in one output of a release. */
    public record Holding(String pseudonym, String output, ReleaseOutputKind kind, long rows) {
        public Holding {
            requireNonNull(pseudonym, "pseudonym is null");
            requireNonNull(output, "output is null");
            requireNonNull(kind, "kind is null");
        }
    }

    /** Records a release and the people each output holds, all or nothing; returns its register ID. */
    public long record(Release release) {
        requireNonNull(release, "release is null");
        return inTransaction("register release " + release.runId() + " of " + release.extractId(),
                connection -> insert(connection, release));
    }

    /**
     * Publishes a run's release as one decision: records it, the cells it releases in the release ledger, the
     * binding of its project's key (named {@code keyName} in the policy) to the release's key ID when this is the
     * first release under that name, and its run's successful end in the audit log, then runs {@code publish} (the
     * rename that publishes the extract) before the one transaction commits. None of them stands unless the extract
     * was published, so no deletion notice, no differencing check and no key binding ever concerns an extract that
     * never existed. A run the audit log recorded as abandoned while it ran (its session lost) is refused before
     * {@code publish} runs, as is one with cells when another run released cells of its extract or project after
     * {@code checkedAgainst}, the ledger its cells were decided against, was read. When the commit fails after
     * {@code publish} ran, this throws, and the caller must undo the publication.
     */
    public long recordPublished(Release release, String keyName, List<DecidedCell> cells,
            ReleaseHistory checkedAgainst, String actor, Map<String, ?> endDetails, Runnable publish) {
        requireNonNull(release, "release is null");
        requireNonNull(keyName, "keyName is null");
        requireNonNull(cells, "cells is null");
        requireNonNull(checkedAgainst, "checkedAgainst is null");
        requireNonNull(endDetails, "endDetails is null");
        requireNonNull(publish, "publish is null");
        return inTransaction("record the release of run " + release.runId() + " of " + release.extractId(),
                connection -> {
                    long id = insert(connection, release);
                    DSLContext dsl = GovernanceDatabase.using(connection);
                    ReleaseLedger.insert(dsl, release.extractId(), release.specVersion(), release.runId(),
                            release.asOf(), cells);
                    new ProjectKeys(url, clock).bind(dsl, release.project(), keyName, release.keyId(),
                            release.extractId(), release.runId(), actor);
                    new AuditLog(url, clock).append(dsl, actor, AuditAction.RUN_END, Optional.of(release.extractId()),
                            Optional.of(release.runId()), endDetails);
                    LiveRuns.requireNotAbandoned(dsl, release.runId());
                    if (!cells.isEmpty()) {
                        ReleaseLedger.requireUnchangedSince(dsl, release.extractId(), release.project(),
                                checkedAgainst, release.runId());
                    }
                    publish.run();
                    return id;
                });
    }

    /** Work on one connection, committed when it returns. */
    private interface Work {
        long on(Connection connection) throws SQLException;
    }

    private long inTransaction(String doing, Work work) {
        try (Connection connection = url.connect()) {
            connection.setAutoCommit(false);
            long id = work.on(connection);
            connection.commit();
            return id;
        } catch (DataAccessException e) {
            throw GovernanceDatabase.failure(url, doing, e);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot " + doing + " in " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }

    private long insert(Connection connection, Release release) throws SQLException {
        DSLContext dsl = GovernanceDatabase.using(connection);
        long id = dsl.insertInto(RELEASE)
                .set(RELEASE_EXTRACT_ID, release.extractId())
                .set(RELEASE_RUN_ID, release.runId())
                .set(RELEASE_SPEC_VERSION, release.specVersion())
                .set(RELEASE_PROJECT, release.project())
                .set(RELEASE_KEY_ID, release.keyId())
                .set(RELEASE_KEY_FILE, release.keyFile().toString())
                .set(RELEASE_AS_OF, release.asOf())
                .set(RELEASE_NATIONAL_DATA_OPT_OUT, release.nationalDataOptOut().name())
                .set(RELEASE_DELETION_DAYS, release.deletionDays())
                .set(RELEASE_EXTRACT_PATH, release.extractPath().toString())
                .set(RELEASE_RELEASED_AT, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .returningResult(RELEASE_ID)
                .fetchSingle().value1();
        // Straight into the register, one COPY an output: a new release's outputs have the highest IDs, and each
        // output's people files come in pseudonym order when its rows were sorted on them (PeopleCounts), so its people
        // go in at the end of the key however large the register has grown. Through a table of the transaction's own
        // and an ordered insert, 810,000 people took 2.7-3.1 s of PostgreSQL's time where this takes 1.5-1.8 s, and
        // people in any order take no longer this way (docs/performance.md, "Measured 2026-12-07"). Each COPY's
        // output is checked once for the statement (V72), not once a person.
        String copy = "COPY " + dsl.render(RELEASE_PERSON) + " (" + PERSON_OUTPUT_ID.getName() + ", "
                + PERSON_PSEUDONYM.getName() + ", " + PERSON_ROWS.getName() + ") FROM STDIN";
        // Outputs that counted the same rows share their people files: such an output names the first one's
        // people rather than holding a copy (the aggregates over a record-level output's read).
        Map<List<Path>, Long> holderOfFiles = new HashMap<>();
        for (ReleasedOutput output : release.outputs()) {
            Optional<Long> peopleOf = output.people().isEmpty() ? Optional.empty()
                    : Optional.ofNullable(holderOfFiles.get(output.people()));
            long outputId = dsl.insertInto(RELEASE_OUTPUT)
                    .set(OUTPUT_RELEASE_ID, id)
                    .set(OUTPUT_NAME, output.name())
                    .set(OUTPUT_KIND, output.kind().name())
                    .set(OUTPUT_PERSON_COLUMN, output.personColumn().orElse(null))
                    .set(OUTPUT_ROWS, output.rows())
                    .set(OUTPUT_PEOPLE_OF, peopleOf.orElse(null))
                    .returningResult(OUTPUT_ID)
                    .fetchSingle().value1();
            if (peopleOf.isEmpty()) {
                copyPeople(connection, copy, outputId, output.people());
                holderOfFiles.put(output.people(), outputId);
            }
        }
        return id;
    }

    /**
     * Each people file's lines, prefixed with the output's ID, sent a megabyte at a time. A pseudonym's hex goes in
     * as bytes: {@code \\x} in COPY's text is {@code \x}, bytea's hex form.
     */
    private static void copyPeople(Connection connection, String sql, long outputId, List<Path> files)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        StringBuilder buffer = new StringBuilder(FLUSH_AT + 128);
        try {
            for (Path file : files) {
                try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        buffer.append(outputId).append("\t\\\\x").append(line).append('\n');
                        if (buffer.length() >= FLUSH_AT) {
                            send(copy, buffer);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the people counted in " + file + ": "
                            + e.getMessage(), e);
                }
            }
            send(copy, buffer);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.US_ASCII);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Removes the release of a run that registered and then failed to publish. */
    public void withdraw(String runId) {
        Texts.requireText(runId, "runId");
        GovernanceDatabase.transaction(url, "withdraw release " + runId + " from the register",
                dsl -> dsl.deleteFrom(RELEASE).where(RELEASE_RUN_ID.eq(runId)).execute());
    }

    /** Every registered release, oldest first. */
    public List<Registered> releases() {
        return GovernanceDatabase.transaction(url, "read the release register", dsl -> {
            var outputs = dsl.select(OUTPUT_RELEASE_ID, OUTPUT_NAME, OUTPUT_KIND, OUTPUT_PERSON_COLUMN, OUTPUT_ROWS,
                            PEOPLE_REGISTERED)
                    .from(RELEASE_OUTPUT).orderBy(OUTPUT_ID).fetchGroups(OUTPUT_RELEASE_ID);
            return dsl.select(RELEASE_ID, RELEASE_EXTRACT_ID, RELEASE_RUN_ID, RELEASE_SPEC_VERSION, RELEASE_PROJECT,
                            RELEASE_KEY_ID, RELEASE_KEY_FILE, RELEASE_AS_OF, RELEASE_NATIONAL_DATA_OPT_OUT,
                            RELEASE_DELETION_DAYS, RELEASE_EXTRACT_PATH, RELEASE_RELEASED_AT)
                    .from(RELEASE).orderBy(RELEASE_RELEASED_AT, RELEASE_ID).fetch().stream()
                    .map(row -> registered(row, outputs.getOrDefault(row.get(RELEASE_ID), null)))
                    .toList();
        });
    }

    /** The release a run published, if it is registered. */
    public Optional<Registered> release(String runId) {
        return releases().stream().filter(r -> r.release().runId().equals(runId)).findFirst();
    }

    /** Which of the {@code pseudonyms} a release holds, in which outputs, with how many rows. */
    public List<Holding> holdings(long releaseId, Collection<String> pseudonyms) {
        requireNonNull(pseudonyms, "pseudonyms is null");
        if (pseudonyms.isEmpty()) {
            return List.of();
        }
        return GovernanceDatabase.transaction(url, "read the release register",
                dsl -> holdings(dsl, releaseId, pseudonyms));
    }

    static List<Holding> holdings(DSLContext dsl, long releaseId, Collection<String> pseudonyms) {
        byte[][] sought = pseudonyms.stream().map(ReleaseRegister::bytes).toArray(byte[][]::new);
        return dsl.select(PERSON_PSEUDONYM, OUTPUT_NAME, OUTPUT_KIND, PERSON_ROWS)
                .from(RELEASE_OUTPUT)
                .join(RELEASE_PERSON).on(PERSON_OUTPUT_ID.eq(DSL.coalesce(OUTPUT_PEOPLE_OF, OUTPUT_ID)))
                .where(OUTPUT_RELEASE_ID.eq(releaseId))
                .and(PERSON_PSEUDONYM.eq(DSL.any(sought)))
                .orderBy(PERSON_PSEUDONYM, OUTPUT_ID)
                .fetch(row -> new Holding(HEX.formatHex(row.value1()), row.value2(),
                        ReleaseOutputKind.valueOf(row.value3()), row.value4()));
    }

    /** A pseudonym's 32 bytes, from its 64 hex digits; the message never quotes what was given. */
    private static byte[] bytes(String pseudonym) {
        requireNonNull(pseudonym, "pseudonym is null");
        if (!Texts.isSha256Hex(pseudonym)) {
            throw new IllegalArgumentException("Cannot look up a person in the release register by a value of "
                    + pseudonym.length() + " characters: a pseudonym is 64 lower-case hex digits");
        }
        return HEX.parseHex(pseudonym);
    }

    /**
     * Whether the register knows an output's people: it holds some (its own or those of the output it shares them
     * with), or the output needs none (no rows; an aggregate or one with a person column, which counts its own).
     */
    private static RegisteredPeople registered(Record output) {
        boolean unknown = ReleaseOutputKind.valueOf(output.get(OUTPUT_KIND)) == ReleaseOutputKind.RECORDS
                && output.get(OUTPUT_PERSON_COLUMN) == null && output.get(OUTPUT_ROWS) > 0
                && !output.get(PEOPLE_REGISTERED);
        return unknown ? RegisteredPeople.UNKNOWN : RegisteredPeople.KNOWN;
    }

    private static Registered registered(Record row, org.jooq.Result<? extends Record> outputs) {
        List<ReleasedOutput> released = outputs == null ? List.of() : outputs.stream()
                .map(o -> new ReleasedOutput(o.get(OUTPUT_NAME), ReleaseOutputKind.valueOf(o.get(OUTPUT_KIND)),
                        Optional.ofNullable(o.get(OUTPUT_PERSON_COLUMN)), o.get(OUTPUT_ROWS), List.of(),
                        registered(o)))
                .toList();
        Release release = new Release(row.get(RELEASE_EXTRACT_ID), row.get(RELEASE_RUN_ID),
                row.get(RELEASE_SPEC_VERSION), row.get(RELEASE_PROJECT), row.get(RELEASE_KEY_ID),
                Path.of(row.get(RELEASE_KEY_FILE)), row.get(RELEASE_AS_OF),
                Applicability.valueOf(row.get(RELEASE_NATIONAL_DATA_OPT_OUT)), row.get(RELEASE_DELETION_DAYS),
                Path.of(row.get(RELEASE_EXTRACT_PATH)), released);
        return new Registered(row.get(RELEASE_ID), row.get(RELEASE_RELEASED_AT).toInstant(), release);
    }
}
