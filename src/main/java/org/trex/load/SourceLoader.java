package org.trex.load;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.when;
import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;
import static org.trex.source.jooq.opt_out.Tables.LOCAL_OBJECTION;
import static org.trex.source.jooq.opt_out.Tables.OBJECTION_AWAITING_PERSON;
import static org.trex.source.jooq.social_care.Tables.EVENT;
import static org.trex.source.jooq.social_care.Tables.PERSON;
import static org.trex.source.jooq.source_load.Tables.CURRENT_FILE;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.PGConnection;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.EmbeddedDatabase;
import org.trex.source.SourceSchema;
import org.trex.spec.MappingFiles;
import org.trex.spec.SourceMapping;

/**
 * Loads files into the source database in one transaction per (source, period): the source schema is applied if
 * missing (not by a dry run, which writes nothing), every file is opened and refused if it is not what it claims,
 * rows are checked and the accepted ones streamed by COPY into a temporary staging table, then the period's old rows
 * are deleted and the staged ones inserted, and the transaction commits. Anything that stops it (a refusal, an
 * error, a killed process) rolls back: the previous data stays exactly as it was. The tables written are analysed.
 */
public final class SourceLoader {
    private static final DSLContext RENDER = DSL.using(SQLDialect.POSTGRES);

    private SourceLoader() {
    }

    /**
     * Runs a load, telling {@code listener} when every row is checked and when the load is about to commit, then
     * analyses the tables it wrote.
     */
    public static LoadOutcome load(DatabaseUrl url, LoadRequest request, LoadListener listener) {
        LoadOutcome outcome = commit(url, request, listener);
        if (outcome.mode() == LoadMode.LOAD) {
            analyse(url, request);
        }
        return outcome;
    }

    /**
     * Runs a load as {@link #load} does but leaves the tables unanalysed, for a caller that must commit its own record
     * of the load first and then calls {@link #analyse}. A dry run writes nothing: where the source schema is not
     * applied yet it checks against a throwaway database that has it (holding no person).
     */
    public static LoadOutcome commit(DatabaseUrl url, LoadRequest request, LoadListener listener) {
        requireNonNull(url, "url is null");
        requireNonNull(request, "request is null");
        requireNonNull(listener, "listener is null");
        long started = System.nanoTime();
        if (request.mode() == LoadMode.DRY_RUN && SourceSchema.pending(url) > 0) {
            try (EmbeddedDatabase throwaway = EmbeddedDatabase.start(Path.of(System.getProperty("java.io.tmpdir")))) {
                DatabaseUrl copy = throwaway.createDatabase("trex_dry_run");
                SourceSchema.migrate(copy);
                return run(copy, request, listener, started);
            }
        }
        if (request.mode() == LoadMode.LOAD) {
            SourceSchema.migrate(url);
        }
        return run(url, request, listener, started);
    }

    private static LoadOutcome run(DatabaseUrl url, LoadRequest request, LoadListener listener, long started) {
        return connected(url, request, (dsl, connection) -> {
            SourceKind kind = request.kind();
            Map<String, Set<String>> lists = ValueLists.fetch(dsl, kind);
            SourceMapping mapping = request.mapping()
                    .map(file -> MappingFiles.load(file, ValueLists.vocabulary(kind, lists)))
                    .orElseGet(SourceMapping::none);
            // every file's header is checked before a transaction starts or a row is read
            request.files().forEach(file -> CsvSource.open(file, kind, mapping).close());
            RowChecker checker = new RowChecker(kind, lists, mapping);
            if (request.mode() == LoadMode.DRY_RUN) {
                LoadCheck check = new LoadCheck(kind, checker, request.period(), knownPersons(dsl, kind),
                        request.council());
                check.checkAll(request.files(), mapping, RowSink.discard());
                listener.checked(check.report());
                String period = check.period();
                List<String> replaced = LoadedPeriods.replacedBy(period, loadedPeriods(dsl, kind),
                        check.report().fileNames());
                return new LoadOutcome(kind, period, others(replaced, period), check.report(), LoadMode.DRY_RUN,
                        since(started), List.of());
            }
            return dsl.transactionResult(configuration -> write(configuration.dsl(), connection,
                    request, checker, mapping, listener, started));
        });
    }

    /** Fresh statistics, so the first extract after a load is planned on what is there (see issue 17). */
    public static void analyse(DatabaseUrl url, LoadRequest request) {
        requireNonNull(url, "url is null");
        requireNonNull(request, "request is null");
        connected(url, request, (dsl, connection) -> {
            for (Table<?> table : written(request.kind())) {
                dsl.query("ANALYZE {0}", table).execute();
            }
            return null;
        });
    }

    /** Work on one connection to the source database. */
    @FunctionalInterface
    private interface Work<T> {
        T apply(DSLContext dsl, Connection connection) throws SQLException;
    }

    private static <T> T connected(DatabaseUrl url, LoadRequest request, Work<T> work) {
        try (Connection connection = url.connect()) {
            return work.apply(DSL.using(connection, SQLDialect.POSTGRES), connection);
        } catch (DataAccessException e) {
            SQLException cause = e.getCause(SQLException.class);
            if (e.getCause() instanceof RuntimeException runtime && cause == null) {
                throw runtime;
            }
            String why = cause != null ? DatabaseUrl.safeMessage(cause) : String.valueOf(e.getMessage());
            throw new DatabaseException("Cannot load " + request.kind().cliName() + " files into " + url.redacted()
                    + ": " + why.lines().findFirst().orElse(why), e);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot load " + request.kind().cliName() + " files into " + url.redacted()
                    + ": " + DatabaseUrl.safeMessage(e), e);
        }
    }

    private static LoadOutcome write(DSLContext dsl, Connection connection, LoadRequest request, RowChecker checker,
            SourceMapping mapping, LoadListener listener, long started) throws SQLException {
        SourceKind kind = request.kind();
        for (Table<?> table : written(kind)) {
            // one load of a source at a time; readers go on reading the committed rows meanwhile
            dsl.query("LOCK TABLE {0} IN SHARE ROW EXCLUSIVE MODE", table).execute();
        }
        dsl.createTemporaryTable(StagedRows.TABLE).column(field(name("ordinal"), SQLDataType.BIGINT))
                .columns(kind.columns().stream().map(c -> field(name(c.name()), SQLDataType.CLOB)).toList())
                .onCommitDrop().execute();
        // before the COPY starts: the connection can run no other statement until it ends
        LoadCheck check = new LoadCheck(kind, checker, request.period(), knownPersons(dsl, kind), request.council());
        String names = kind.columns().stream().map(c -> RENDER.render(name(c.name())))
                .collect(Collectors.joining(", "));
        StagingCopy copy = new StagingCopy(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + RENDER.render(StagedRows.TABLE) + " (ordinal, " + names + ") FROM STDIN"));
        try {
            check.checkAll(request.files(), mapping, copy);
        } catch (RuntimeException e) {
            copy.cancel();
            throw e;
        }
        copy.finish();
        QualityReport report = check.report();
        listener.checked(report);
        String period = check.period();
        List<String> replaced = LoadedPeriods.replacedBy(period, loadedPeriods(dsl, kind), report.fileNames());
        dsl.deleteFrom(periodTable(kind)).where(loadPeriod(kind).in(replaced)).execute();
        if (kind == SourceKind.OBJECTIONS) {
            dsl.deleteFrom(OBJECTION_AWAITING_PERSON).where(OBJECTION_AWAITING_PERSON.LOAD_PERIOD.in(replaced))
                    .execute();
        }
        switch (kind) {
            case SOCIAL_CARE -> StagedRows.writeSocialCare(dsl, period);
            case HOSPITAL -> StagedRows.writeSpells(dsl, period);
            case OBJECTIONS -> StagedRows.writeObjections(dsl, period);
            default -> throw new IllegalStateException("Cannot load " + kind);
        }
        dsl.deleteFrom(CURRENT_FILE).where(CURRENT_FILE.SOURCE.eq(kind.cliName()),
                CURRENT_FILE.PERIOD.in(replaced).or(CURRENT_FILE.PERIOD.eq(period))).execute();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (LoadedFile file : report.files()) {
            dsl.insertInto(CURRENT_FILE).set(CURRENT_FILE.SOURCE, kind.cliName()).set(CURRENT_FILE.PERIOD, period)
                    .set(CURRENT_FILE.FILE_NAME, file.name()).set(CURRENT_FILE.FILE_SHA256, file.sha256())
                    .set(CURRENT_FILE.ROWS_LOADED, file.rowsLoaded()).set(CURRENT_FILE.LOADED_AT, now).execute();
        }
        List<String> notices = new ArrayList<>();
        if (kind == SourceKind.SOCIAL_CARE) {
            // a period replaced whole takes with it the people only its rows held; an objector stays, so that their
            // objection still reaches their NHS number in the other sources
            int removed = dsl.deleteFrom(PERSON).where(notExists(selectOne().from(EVENT)
                    .where(EVENT.PERSON_ID.eq(PERSON.PERSON_ID))), notExists(selectOne().from(LOCAL_OBJECTION)
                    .where(LOCAL_OBJECTION.PERSON_ID.eq(PERSON.PERSON_ID)))).execute();
            if (removed > 0) {
                notices.add("Removed " + removed + (removed == 1 ? " person" : " people") + " whose every event was in"
                        + " the rows replaced: no loaded period holds them any more.");
            }
        }
        LoadOutcome outcome = new LoadOutcome(kind, period, others(replaced, period), report, LoadMode.LOAD,
                since(started), notices);
        listener.written(outcome, dsl);
        return outcome;
    }

    /** The periods the source holds rows of, as they were loaded (rows {@code trex generate} wrote have none). */
    private static List<String> loadedPeriods(DSLContext dsl, SourceKind kind) {
        var periods = dsl.selectDistinct(loadPeriod(kind)).from(periodTable(kind)).where(loadPeriod(kind).isNotNull());
        // a register's period may hold only objections that wait for their people
        return kind == SourceKind.OBJECTIONS
                ? periods.union(dsl.selectDistinct(OBJECTION_AWAITING_PERSON.LOAD_PERIOD)
                        .from(OBJECTION_AWAITING_PERSON)).fetch(loadPeriod(kind))
                : periods.fetch(loadPeriod(kind));
    }

    /** The table whose rows a load replaces by period: social care's events (its people follow them). */
    private static Table<?> periodTable(SourceKind kind) {
        return switch (kind) {
            case SOCIAL_CARE -> EVENT;
            case HOSPITAL -> INPATIENT_SPELL;
            case OBJECTIONS -> LOCAL_OBJECTION;
        };
    }

    private static Field<String> loadPeriod(SourceKind kind) {
        return switch (kind) {
            case SOCIAL_CARE -> EVENT.LOAD_PERIOD;
            case HOSPITAL -> INPATIENT_SPELL.LOAD_PERIOD;
            case OBJECTIONS -> LOCAL_OBJECTION.LOAD_PERIOD;
        };
    }

    private static List<String> others(List<String> replaced, String period) {
        return replaced.stream().filter(other -> !other.equals(period)).toList();
    }

    /** Council person identifiers social care holds, to flag objections that wait for theirs; else empty. */
    private static Set<String> knownPersons(DSLContext dsl, SourceKind kind) {
        return kind == SourceKind.OBJECTIONS
                ? Set.copyOf(dsl.select(PERSON.COUNCIL_PERSON_ID).from(PERSON).fetch(PERSON.COUNCIL_PERSON_ID))
                : Set.of();
    }

    /**
     * The tables a load locks and analyses: those it writes, the people objections name, and the objections that
     * wait for a person, which a social care load adopts. People come first in every load, so two loads lock in
     * one order.
     */
    private static List<Table<?>> written(SourceKind kind) {
        List<Table<?>> tables = new ArrayList<>(kind.tables());
        if (kind == SourceKind.OBJECTIONS) {
            tables.add(0, PERSON);
        }
        if (kind != SourceKind.HOSPITAL) {
            tables.remove(LOCAL_OBJECTION);
            tables.addAll(List.of(LOCAL_OBJECTION, OBJECTION_AWAITING_PERSON));
        }
        tables.add(CURRENT_FILE);
        return tables;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
