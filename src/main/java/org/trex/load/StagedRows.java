package org.trex.load;

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

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Writes a load's staged rows (the file's columns as text, in {@link #TABLE}) into the source tables, one source
 * each: people and their events, spells, objections; with the IDs a reloaded record keeps and the objections that
 * wait for their person. {@link SourceLoader} stages the rows and holds the transaction; this maps the columns.
 */
final class StagedRows {
    /** The temporary table a load COPYs its checked rows into, a text column for each of the file's columns. */
    static final Table<Record> TABLE = table(name("trex_load_staging"));
    private static final Field<Long> ORDINAL = field(name("trex_load_staging", "ordinal"), SQLDataType.BIGINT);

    private StagedRows() {
    }

    static void writeSocialCare(DSLContext dsl, String period) {
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
                .select(dsl.select(person.values()).distinctOn(staged("LA_Person_Unique_Identifier")).from(TABLE)
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

    static void writeSpells(DSLContext dsl, String period) {
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
                        .from(TABLE).whereNotExists(selectOne().from(identity).where(sameRecord)))
                .execute();
        return TABLE.join(identity).on(sameRecord);
    }

    private static Field<Long> recordId(Table<?> identified) {
        return identified.field("record_id", Long.class);
    }

    static void writeObjections(DSLContext dsl, String period) {
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
                .select(dsl.select(objection.values()).from(TABLE).join(PERSON)
                        .on(PERSON.COUNCIL_PERSON_ID.eq(staged("LA_Person_Unique_Identifier"))))
                .execute();
        // an objection is never dropped for naming a person social care has not loaded yet: it waits for them
        dsl.insertInto(OBJECTION_AWAITING_PERSON, OBJECTION_AWAITING_PERSON.COUNCIL_PERSON_ID,
                        OBJECTION_AWAITING_PERSON.RECORDED_DATE, OBJECTION_AWAITING_PERSON.WITHDRAWN_DATE,
                        OBJECTION_AWAITING_PERSON.RECEIVED_VIA, OBJECTION_AWAITING_PERSON.LOAD_PERIOD)
                .select(dsl.select(staged("LA_Person_Unique_Identifier"), date("Objection_Recorded_Date"),
                                date("Objection_Withdrawn_Date"), staged("Objection_Received_Via"), val(period))
                        .from(TABLE).whereNotExists(selectOne().from(PERSON)
                                .where(PERSON.COUNCIL_PERSON_ID.eq(staged("LA_Person_Unique_Identifier")))))
                .execute();
    }

    private static Field<String> staged(String column) {
        return field(name("trex_load_staging", column), SQLDataType.CLOB);
    }

    private static Field<java.time.LocalDate> date(String column) {
        return DSL.cast(staged(column), SQLDataType.LOCALDATE);
    }
}
