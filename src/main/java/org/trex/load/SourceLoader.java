package org.trex.load;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.splitPart;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;
import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;
import static org.trex.source.jooq.health.Tables.SPELL_IDENTITY;
import static org.trex.source.jooq.opt_out.Tables.LOCAL_OBJECTION;
import static org.trex.source.jooq.opt_out.Tables.OBJECTION_AWAITING_PERSON;
import static org.trex.source.jooq.social_care.Tables.EVENT;
import static org.trex.source.jooq.social_care.Tables.EVENT_IDENTITY;
import static org.trex.source.jooq.social_care.Tables.PERSON;
import static org.trex.source.jooq.source_load.Tables.CURRENT_FILE;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.TableField;
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
    private static final Table<Record> STAGING = table(name("trex_load_staging"));
    private static final Field<Long> ORDINAL = field(name("trex_load_staging", "ordinal"), SQLDataType.BIGINT);
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
                LoadCheck check = new LoadCheck(kind, checker, request.period(), knownPersons(dsl, kind));
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
        dsl.createTemporaryTable(STAGING).column(field(name("ordinal"), SQLDataType.BIGINT))
                .columns(kind.columns().stream().map(c -> field(name(c.name()), SQLDataType.CLOB)).toList())
                .onCommitDrop().execute();
        // before the COPY starts: the connection can run no other statement until it ends
        LoadCheck check = new LoadCheck(kind, checker, request.period(), knownPersons(dsl, kind));
        String names = kind.columns().stream().map(c -> RENDER.render(name(c.name())))
                .collect(Collectors.joining(", "));
        StagingCopy copy = new StagingCopy(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + RENDER.render(STAGING) + " (ordinal, " + names + ") FROM STDIN"));
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
            case SOCIAL_CARE -> writeSocialCare(dsl, period);
            case HOSPITAL -> writeSpells(dsl, period);
            case OBJECTIONS -> writeObjections(dsl, period);
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

    private static void writeSocialCare(DSLContext dsl, String period) {
        long maxPerson = dsl.select(coalesce(max(PERSON.PERSON_ID), 0L)).from(PERSON).fetchSingle().value1();
        Map<Field<?>, SelectField<?>> person = new LinkedHashMap<>();
        person.put(PERSON.PERSON_ID, val(maxPerson).plus(rowNumber().over().orderBy(ORDINAL)));
        person.put(PERSON.COUNCIL_CODE, staged("LA_Code"));
        person.put(PERSON.COUNCIL_PERSON_ID, staged("LA_Person_Unique_Identifier"));
        person.put(PERSON.NHS_NUMBER, staged("NHS_Number"));
        person.put(PERSON.NHS_NUMBER_TRACE_STATUS,
                when(staged("NHS_Number").isNull(), inline("not_traced")).otherwise(inline("unverified")));
        person.put(PERSON.DATE_OF_BIRTH, date("Date_of_Birth"));
        person.put(PERSON.DATE_OF_DEATH, date("Date_of_Death"));
        person.put(PERSON.GENDER, staged("Gender"));
        person.put(PERSON.ETHNICITY, staged("Ethnicity"));
        person.put(PERSON.POSTCODE, staged("Postcode"));
        person.put(PERSON.GP_PRACTICE_CODE, staged("GP_Practice_Code"));
        person.put(PERSON.CLIENT_TYPE, staged("Client_Type"));
        person.put(PERSON.PRIMARY_SUPPORT_REASON, staged("Primary_Support_Reason"));
        person.put(PERSON.ACCOMMODATION_STATUS, staged("Accommodation_Status"));
        Map<Field<?>, Field<?>> updates = new LinkedHashMap<>();
        person.keySet().stream().filter(f -> f != PERSON.PERSON_ID && f != PERSON.COUNCIL_PERSON_ID)
                .forEach(f -> updates.put(f, excluded(f)));
        // A person's details are those of their latest reporting period: an earlier period loaded again (made before
        // a death was recorded, or a number traced) leaves what a later one gave. The replaced periods' events are
        // gone by now, so the events left of a later period are another load's.
        Condition noLaterPeriod = notExists(selectOne().from(EVENT).where(EVENT.PERSON_ID.eq(PERSON.PERSON_ID),
                splitPart(EVENT.LOAD_PERIOD, "/", 2).gt(period.substring(period.indexOf('/') + 1))));
        // the latest row of each person wins: DISTINCT ON keeps the first row of each group in this order
        dsl.insertInto(PERSON).columns(person.keySet())
                .select(dsl.select(person.values()).distinctOn(staged("LA_Person_Unique_Identifier")).from(STAGING)
                        .orderBy(staged("LA_Person_Unique_Identifier"), ORDINAL.desc()))
                .onConflict(PERSON.COUNCIL_PERSON_ID).doUpdate().set(updates).where(noLaterPeriod).execute();

        Field<String> reportingPeriod = DSL.concat(staged("Reporting_Period_Start_Date"), inline("/"),
                staged("Reporting_Period_End_Date"));
        Table<?> identified = identify(dsl, EVENT_IDENTITY, EVENT.EVENT_ID, period, reportingPeriod, "Event_Reference");
        Map<Field<?>, SelectField<?>> event = new LinkedHashMap<>();
        event.put(EVENT.EVENT_ID, recordId(identified));
        event.put(EVENT.PERSON_ID, PERSON.PERSON_ID);
        event.put(EVENT.EVENT_TYPE, staged("Event_Type"));
        event.put(EVENT.EVENT_REFERENCE, staged("Event_Reference"));
        event.put(EVENT.EVENT_START_DATE, date("Event_Start_Date"));
        event.put(EVENT.EVENT_END_DATE, date("Event_End_Date"));
        event.put(EVENT.EVENT_OUTCOME, staged("Event_Outcome"));
        event.put(EVENT.ROUTE_OF_ACCESS, staged("Request_Route_of_Access"));
        event.put(EVENT.ASSESSMENT_TYPE, staged("Assessment_Type"));
        event.put(EVENT.ELIGIBLE_NEEDS, DSL.cast(staged("Eligible_Needs_Identified"), SQLDataType.BOOLEAN));
        event.put(EVENT.SERVICE_TYPE, staged("Service_Type"));
        event.put(EVENT.SERVICE_COMPONENT, staged("Service_Component"));
        event.put(EVENT.DELIVERY_MECHANISM, staged("Delivery_Mechanism"));
        event.put(EVENT.PROVIDER_LOCATION_ID, staged("Provider_CQC_Location_ID"));
        event.put(EVENT.UNIT_COST, DSL.cast(staged("Unit_Cost"), EVENT.UNIT_COST.getDataType()));
        event.put(EVENT.COST_FREQUENCY, staged("Cost_Frequency_Unit_Type"));
        event.put(EVENT.PLANNED_UNITS_PER_WEEK, DSL.cast(staged("Planned_units_per_week"),
                EVENT.PLANNED_UNITS_PER_WEEK.getDataType()));
        event.put(EVENT.REVIEW_REASON, staged("Review_Reason"));
        event.put(EVENT.REVIEW_OUTCOME, staged("Review_Outcomes_Achieved"));
        event.put(EVENT.LOAD_PERIOD, val(period));
        dsl.insertInto(EVENT).columns(event.keySet())
                .select(dsl.select(event.values()).from(identified).join(PERSON)
                        .on(PERSON.COUNCIL_PERSON_ID.eq(staged("LA_Person_Unique_Identifier"))))
                .execute();
        adoptAwaitingObjections(dsl);
    }

    /**
     * Moves the register's objections that waited for a person this load brought in to the objections a run
     * applies, in the load's own transaction: from its commit, no run sees the person's records without them.
     */
    private static void adoptAwaitingObjections(DSLContext dsl) {
        long maxObjection = dsl.select(coalesce(max(LOCAL_OBJECTION.OBJECTION_ID), 0L)).from(LOCAL_OBJECTION)
                .fetchSingle().value1();
        dsl.insertInto(LOCAL_OBJECTION, LOCAL_OBJECTION.OBJECTION_ID, LOCAL_OBJECTION.PERSON_ID,
                        LOCAL_OBJECTION.RECORDED_DATE, LOCAL_OBJECTION.WITHDRAWN_DATE, LOCAL_OBJECTION.RECEIVED_VIA,
                        LOCAL_OBJECTION.LOAD_PERIOD)
                .select(dsl.select(val(maxObjection).plus(rowNumber().over().orderBy(
                                OBJECTION_AWAITING_PERSON.COUNCIL_PERSON_ID, OBJECTION_AWAITING_PERSON.RECORDED_DATE)),
                        PERSON.PERSON_ID, OBJECTION_AWAITING_PERSON.RECORDED_DATE,
                        OBJECTION_AWAITING_PERSON.WITHDRAWN_DATE, OBJECTION_AWAITING_PERSON.RECEIVED_VIA,
                        OBJECTION_AWAITING_PERSON.LOAD_PERIOD)
                        .from(OBJECTION_AWAITING_PERSON).join(PERSON)
                        .on(PERSON.COUNCIL_PERSON_ID.eq(OBJECTION_AWAITING_PERSON.COUNCIL_PERSON_ID)))
                .execute();
        dsl.deleteFrom(OBJECTION_AWAITING_PERSON).whereExists(selectOne().from(PERSON)
                .where(PERSON.COUNCIL_PERSON_ID.eq(OBJECTION_AWAITING_PERSON.COUNCIL_PERSON_ID))).execute();
    }

    private static void writeSpells(DSLContext dsl, String period) {
        Table<?> identified = identify(dsl, SPELL_IDENTITY, INPATIENT_SPELL.SPELL_ID, period, val(period),
                "Hospital_Provider_Spell_Number");
        Map<Field<?>, SelectField<?>> spell = new LinkedHashMap<>();
        spell.put(INPATIENT_SPELL.SPELL_ID, recordId(identified));
        spell.put(INPATIENT_SPELL.NHS_NUMBER, staged("NHS_Number"));
        spell.put(INPATIENT_SPELL.PROVIDER_CODE, staged("Organisation_Code_Code_of_Provider"));
        spell.put(INPATIENT_SPELL.DATE_OF_BIRTH, date("Person_Birth_Date"));
        spell.put(INPATIENT_SPELL.SEX, staged("Person_Stated_Gender_Code"));
        spell.put(INPATIENT_SPELL.ETHNIC_CATEGORY, staged("Ethnic_Category"));
        spell.put(INPATIENT_SPELL.LSOA, staged("Lower_Layer_Super_Output_Area"));
        spell.put(INPATIENT_SPELL.ADMISSION_DATE, date("Start_Date_Hospital_Provider_Spell"));
        spell.put(INPATIENT_SPELL.DISCHARGE_DATE, date("Discharge_Date_Hospital_Provider_Spell"));
        spell.put(INPATIENT_SPELL.ADMISSION_METHOD, staged("Admission_Method_Hospital_Provider_Spell"));
        spell.put(INPATIENT_SPELL.ADMISSION_SOURCE, staged("Source_of_Admission_Hospital_Provider_Spell"));
        spell.put(INPATIENT_SPELL.PATIENT_CLASSIFICATION, staged("Patient_Classification_Code"));
        spell.put(INPATIENT_SPELL.TREATMENT_FUNCTION, staged("Activity_Treatment_Function_Code"));
        spell.put(INPATIENT_SPELL.DISCHARGE_METHOD, staged("Discharge_Method_Hospital_Provider_Spell"));
        spell.put(INPATIENT_SPELL.DISCHARGE_DESTINATION, staged("Discharge_Destination_Hospital_Provider_Spell"));
        spell.put(INPATIENT_SPELL.DISCHARGE_READY_DATE, date("Discharge_Ready_Date"));
        spell.put(INPATIENT_SPELL.LOAD_PERIOD, val(period));
        dsl.insertInto(INPATIENT_SPELL).columns(spell.keySet())
                .select(dsl.select(spell.values()).from(identified)).execute();
    }

    /**
     * Gives each staged row the ID its record had when its period was loaded before, and a record new to the period
     * an ID above every ID ever given, so a reload keeps a record's pseudonym its own and never hands it to another
     * record. Returns the staged rows joined to their IDs.
     *
     * @param identity the source's identity table (load period, reporting period, reference, record ID)
     * @param recordsId the ID column of the table the rows go to, where {@code trex generate} gives IDs of its own
     * @param reportingPeriod the period a row states, within which its reference is unique
     * @param referenceColumn the file's column naming the record
     */
    private static Table<?> identify(DSLContext dsl, Table<?> identity, TableField<?, Long> recordsId,
            String period, Field<String> reportingPeriod, String referenceColumn) {
        Field<String> loadPeriod = identity.field("load_period", String.class);
        Field<String> stated = identity.field("reporting_period", String.class);
        Field<String> reference = identity.field("reference", String.class);
        Field<Long> recordId = identity.field("record_id", Long.class);
        long highest = Math.max(dsl.select(coalesce(max(recordId), 0L)).from(identity).fetchSingle().value1(),
                dsl.select(coalesce(max(recordsId), 0L)).from(recordsId.getTable()).fetchSingle().value1());
        Condition sameRecord = loadPeriod.eq(period).and(stated.eq(reportingPeriod))
                .and(reference.eq(staged(referenceColumn)));
        dsl.insertInto(identity, loadPeriod, stated, reference, recordId)
                .select(dsl.select(val(period), reportingPeriod, staged(referenceColumn),
                                val(highest).plus(rowNumber().over().orderBy(ORDINAL)))
                        .from(STAGING).whereNotExists(selectOne().from(identity).where(sameRecord)))
                .execute();
        return STAGING.join(identity).on(sameRecord);
    }

    private static Field<Long> recordId(Table<?> identified) {
        return identified.field("record_id", Long.class);
    }

    private static void writeObjections(DSLContext dsl, String period) {
        long maxObjection = dsl.select(coalesce(max(LOCAL_OBJECTION.OBJECTION_ID), 0L)).from(LOCAL_OBJECTION)
                .fetchSingle().value1();
        Map<Field<?>, SelectField<?>> objection = new LinkedHashMap<>();
        objection.put(LOCAL_OBJECTION.OBJECTION_ID, val(maxObjection).plus(rowNumber().over().orderBy(ORDINAL)));
        objection.put(LOCAL_OBJECTION.PERSON_ID, PERSON.PERSON_ID);
        objection.put(LOCAL_OBJECTION.RECORDED_DATE, date("Objection_Recorded_Date"));
        objection.put(LOCAL_OBJECTION.WITHDRAWN_DATE, date("Objection_Withdrawn_Date"));
        objection.put(LOCAL_OBJECTION.RECEIVED_VIA, staged("Objection_Received_Via"));
        objection.put(LOCAL_OBJECTION.LOAD_PERIOD, val(period));
        dsl.insertInto(LOCAL_OBJECTION).columns(objection.keySet())
                .select(dsl.select(objection.values()).from(STAGING).join(PERSON)
                        .on(PERSON.COUNCIL_PERSON_ID.eq(staged("LA_Person_Unique_Identifier"))))
                .execute();
        // an objection is never dropped for naming a person social care has not loaded yet: it waits for them
        dsl.insertInto(OBJECTION_AWAITING_PERSON, OBJECTION_AWAITING_PERSON.COUNCIL_PERSON_ID,
                        OBJECTION_AWAITING_PERSON.RECORDED_DATE, OBJECTION_AWAITING_PERSON.WITHDRAWN_DATE,
                        OBJECTION_AWAITING_PERSON.RECEIVED_VIA, OBJECTION_AWAITING_PERSON.LOAD_PERIOD)
                .select(dsl.select(staged("LA_Person_Unique_Identifier"), date("Objection_Recorded_Date"),
                                date("Objection_Withdrawn_Date"), staged("Objection_Received_Via"), val(period))
                        .from(STAGING).whereNotExists(selectOne().from(PERSON)
                                .where(PERSON.COUNCIL_PERSON_ID.eq(staged("LA_Person_Unique_Identifier")))))
                .execute();
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

    private static Field<String> staged(String column) {
        return field(name("trex_load_staging", column), SQLDataType.CLOB);
    }

    private static Field<java.time.LocalDate> date(String column) {
        return DSL.cast(staged(column), SQLDataType.LOCALDATE);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
