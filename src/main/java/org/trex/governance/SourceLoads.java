package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;
import org.trex.extract.FileDigests;
import org.trex.load.CouncilCode;
import org.trex.load.LoadListener;
import org.trex.load.LoadMode;
import org.trex.load.LoadOutcome;
import org.trex.load.LoadRefusedException;
import org.trex.load.LoadRequest;
import org.trex.load.LoadedFile;
import org.trex.load.QualityReport;
import org.trex.load.SourceKind;
import org.trex.load.SourceLoader;
import org.trex.source.DatabaseUrl;
import org.trex.spec.SpecException;

/**
 * The record of every {@code trex load} in the governance database ({@code trex_governance.source_load}, V60; the
 * council's LA code a social care load's rows were held to, V76) and its LOAD audit entry. A load and its record are
 * one decision: they commit in one transaction when the governance tables are in the source database.
 */
public final class SourceLoads {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SourceLoads.class);
    /** A social care load's {@code councilCode} when no council code was set, so LA_Code was held to one code only. */
    static final String NOT_CHECKED = "not set: LA_Code held to one code, not checked to be the council's";
    private static final Table<Record> LOAD = table(name(GovernanceTables.SCHEMA, "source_load"));
    private static final Field<Long> LOAD_ID = field(name("source_load", "id"), SQLDataType.BIGINT);
    private static final Field<String> LOAD_SOURCE = field(name("source_load", "source"), SQLDataType.CLOB);
    private static final Field<String> LOAD_PERIOD = field(name("source_load", "period"), SQLDataType.CLOB);
    private static final Field<String> LOAD_BY = field(name("source_load", "loaded_by"), SQLDataType.CLOB);
    private static final Field<java.time.OffsetDateTime> LOAD_AT =
            field(name("source_load", "loaded_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    private static final Field<Long> LOAD_AUDIT_SEQ = field(name("source_load", "audit_seq"), SQLDataType.BIGINT);
    private static final Field<String> LOAD_COUNCIL_CODE =
            field(name("source_load", "council_code"), SQLDataType.CLOB);

    private static final Table<Record> FILE = table(name(GovernanceTables.SCHEMA, "source_load_file"));
    private static final Field<Long> FILE_LOAD_ID = field(name("source_load_file", "load_id"), SQLDataType.BIGINT);
    private static final Field<Integer> FILE_ORDINAL = field(name("source_load_file", "ordinal"), SQLDataType.INTEGER);
    private static final Field<String> FILE_NAME = field(name("source_load_file", "file_name"), SQLDataType.CLOB);
    private static final Field<String> FILE_SHA256 = field(name("source_load_file", "file_sha256"), SQLDataType.CLOB);
    private static final Field<Long> FILE_ROWS_READ = field(name("source_load_file", "rows_read"), SQLDataType.BIGINT);
    private static final Field<Long> FILE_ROWS_LOADED =
            field(name("source_load_file", "rows_loaded"), SQLDataType.BIGINT);
    private static final Field<Long> FILE_ROWS_QUARANTINED =
            field(name("source_load_file", "rows_quarantined"), SQLDataType.BIGINT);

    private final DatabaseUrl url;
    private final Clock clock;

    public SourceLoads(DatabaseUrl url, Clock clock) {
        this.url = requireNonNull(url, "url is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Loads {@code request} into {@code source} and records it, by {@code actor}: both commit or neither does (a
     * record that cannot be written rolls the load back). {@code checked} sees the quality report before anything is
     * written. A dry run writes nothing, so it is not recorded.
     *
     * <p>When the governance tables are in the source database (the default), the record and its audit entry are
     * written in the load's own transaction: one commit. In a separate governance database they are written in a
     * transaction that stays open while the load runs and commits right after it, nothing between the two commits;
     * the tables are analysed only once both have committed.
     *
     * <p>A load refused for what it was given (a file or a mapping file that is not what it claims) writes nothing
     * and is audited as LOAD_REFUSED, by {@code actor}, in a transaction of its own.
     */
    public LoadOutcome load(DatabaseUrl source, LoadRequest request, String actor, LoadListener checked) {
        requireNonNull(source, "source is null");
        requireNonNull(request, "request is null");
        Texts.requireText(actor, "actor");
        requireNonNull(checked, "checked is null");
        if (request.mode() == LoadMode.DRY_RUN) {
            return SourceLoader.load(source, request, checked);
        }
        String doing = "record the load of " + request.kind().cliName() + " files";
        LoadOutcome outcome;
        try {
            outcome = source.equals(url)
                    ? SourceLoader.commit(source, request, recording(checked, doing, actor, Optional.empty()))
                    : GovernanceDatabase.transaction(url, doing, governance -> SourceLoader.commit(source, request,
                            recording(checked, doing, actor, Optional.of(governance))));
        } catch (LoadRefusedException | SpecException refusal) {
            recordRefusal(request, actor, refusal);
            throw refusal;
        }
        SourceLoader.analyse(source, request);
        return outcome;
    }

    /**
     * Audits a refused load: which source and files (each by name and, where it can be read, SHA-256), and why, so the
     * log shows what was offered as well as what was loaded. A log that cannot take the entry leaves the refusal
     * itself to reach the user.
     */
    private void recordRefusal(LoadRequest request, String actor, RuntimeException refusal) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", request.kind().cliName());
        request.period().ifPresent(period -> details.put("period", period));
        details.put("files", request.files().stream().map(SourceLoads::offered).toList());
        request.mapping().ifPresent(mapping -> details.put("mapping", offered(mapping)));
        details.put("refusal", refusal.getMessage());
        try {
            new AuditLog(url, clock).append(actor, AuditAction.LOAD_REFUSED, Optional.empty(), Optional.empty(),
                    details);
        } catch (RuntimeException e) {
            LOG.warn("Cannot record the refused load of {} files: {}", request.kind().cliName(), e.getMessage());
        }
    }

    private static Map<String, Object> offered(Path file) {
        Map<String, Object> offered = new LinkedHashMap<>();
        offered.put("name", file.toString());
        try {
            offered.put("sha256", FileDigests.sha256(file));
        } catch (UncheckedIOException e) {
            // Named alone: the refusal says why it cannot be read.
        }
        return offered;
    }

    /** Records the written load in {@code governance}, else in the load's own transaction. */
    private LoadListener recording(LoadListener checked, String doing, String actor,
            Optional<DSLContext> governance) {
        return new LoadListener() {
            @Override
            public void checked(QualityReport report) {
                checked.checked(report);
            }

            @Override
            public void written(LoadOutcome outcome, DSLContext transaction) {
                try {
                    record(governance.orElse(transaction), actor, outcome);
                } catch (DataAccessException e) {
                    // Named for the governance database, not the source one the load would blame.
                    throw GovernanceDatabase.failure(url, doing, e);
                }
            }
        };
    }

    /** Every recorded load that loaded a file with any of these SHA-256s, oldest first, in one read. */
    public List<RecordedLoad> withFiles(Collection<String> sha256s) {
        List<String> digests = List.copyOf(requireNonNull(sha256s, "sha256s is null"));
        if (digests.isEmpty()) {
            return List.of();
        }
        return GovernanceDatabase.transaction(url, "read the record of loads", dsl -> {
            List<Long> ids = dsl.selectDistinct(FILE_LOAD_ID).from(FILE).where(FILE_SHA256.in(digests))
                    .fetch(FILE_LOAD_ID);
            return loads(dsl, ids);
        });
    }

    private void record(DSLContext dsl, String actor, LoadOutcome outcome) {
        QualityReport report = outcome.report();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", outcome.kind().cliName());
        details.put("period", outcome.period());
        if (!outcome.alsoReplaced().isEmpty()) {
            details.put("alsoReplaced", outcome.alsoReplaced());
        }
        details.put("rowsRead", report.rowsRead());
        details.put("rowsLoaded", report.rowsLoaded());
        details.put("rowsQuarantined", report.rowsQuarantined());
        if (outcome.kind() == SourceKind.SOCIAL_CARE) {
            // The IG officer's record of whether the rows were held to the council's own LA code, and to which.
            details.put("councilCode", report.council().map(CouncilCode::value).orElse(NOT_CHECKED));
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (LoadedFile file : report.files()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", file.name());
            one.put("sha256", file.sha256());
            one.put("rowsRead", file.rowsRead());
            one.put("rowsLoaded", file.rowsLoaded());
            one.put("rowsQuarantined", file.rowsQuarantined());
            files.add(one);
        }
        details.put("files", files);
        AuditEntry entry = new AuditLog(url, clock).append(dsl, actor, AuditAction.LOAD, Optional.empty(),
                Optional.empty(), details);
        long id = dsl.insertInto(LOAD).set(LOAD_SOURCE, outcome.kind().cliName()).set(LOAD_PERIOD, outcome.period())
                .set(LOAD_BY, actor).set(LOAD_AT, entry.at().atOffset(ZoneOffset.UTC)).set(LOAD_AUDIT_SEQ, entry.seq())
                .set(LOAD_COUNCIL_CODE, report.council().map(CouncilCode::value).orElse(null))
                .returningResult(LOAD_ID).fetchSingle().value1();
        int ordinal = 0;
        for (LoadedFile file : report.files()) {
            dsl.insertInto(FILE).set(FILE_LOAD_ID, id).set(FILE_ORDINAL, ++ordinal).set(FILE_NAME, file.name())
                    .set(FILE_SHA256, file.sha256()).set(FILE_ROWS_READ, file.rowsRead())
                    .set(FILE_ROWS_LOADED, file.rowsLoaded()).set(FILE_ROWS_QUARANTINED, file.rowsQuarantined())
                    .execute();
        }
    }

    private static List<RecordedLoad> loads(DSLContext dsl, List<Long> ids) {
        List<RecordedLoad> loads = new ArrayList<>();
        for (Record load : dsl.select(LOAD_ID, LOAD_SOURCE, LOAD_PERIOD, LOAD_BY, LOAD_AT, LOAD_AUDIT_SEQ,
                LOAD_COUNCIL_CODE).from(LOAD).where(LOAD_ID.in(ids)).orderBy(LOAD_ID).fetch()) {
            List<LoadedFile> files = dsl.select(FILE_NAME, FILE_SHA256, FILE_ROWS_READ, FILE_ROWS_LOADED).from(FILE)
                    .where(FILE_LOAD_ID.eq(load.get(LOAD_ID))).orderBy(FILE_ORDINAL)
                    .fetch(r -> new LoadedFile(r.value1(), r.value2(), r.value3(), r.value4()));
            loads.add(new RecordedLoad(load.get(LOAD_ID), load.get(LOAD_SOURCE), load.get(LOAD_PERIOD),
                    load.get(LOAD_BY), load.get(LOAD_AT).toInstant(), load.get(LOAD_AUDIT_SEQ),
                    Optional.ofNullable(load.get(LOAD_COUNCIL_CODE)).map(CouncilCode::new), files));
        }
        return loads;
    }
}
