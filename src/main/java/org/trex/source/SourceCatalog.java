package org.trex.source;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.localDateSub;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.replace;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.coalesce;
import static org.trex.source.jooq.health.Tables.GP_REGISTRATION;
import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;
import static org.trex.source.jooq.social_care.Tables.EVENT;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.TableField;
import org.trex.pseudonym.IdentifierKind;
import org.trex.source.jooq.health.tables.InpatientSpell;
import org.trex.source.jooq.ref.Tables;
import org.trex.source.jooq.social_care.tables.Event;
import org.trex.source.jooq.social_care.tables.Person;
import org.trex.spec.DataOrigin;
import org.trex.spec.DatasetCatalog;
import org.trex.spec.DatasetDescriptor;
import org.trex.spec.FieldCategory;
import org.trex.spec.FieldDescriptor;
import org.trex.spec.IndexEvent;

/**
 * The datasets and fields specs may name, each built from the generated jOOQ classes of the source
 * schema, so nothing outside this list can ever be selected. Derived fields carry the published
 * definitions of the evaluations (NHS England discharge delays; ASCOF 2D reablement).
 */
public final class SourceCatalog implements DatasetCatalog {
    /** Service types that count as long-term residential, nursing or prison support (ASCOF 2D). */
    public static final List<String> LONG_TERM_RESIDENTIAL = List.of(
            "Long term support: Nursing care", "Long term support: Residential care", "Long term support: Prison");
    /** ASCOF 2D: admission methods left out of the denominator (maternity and births). */
    public static final List<String> ASCOF_EXCLUDED_ADMISSION_METHODS = List.of("31", "32", "82", "83");
    /** ASCOF 2D: discharge methods left out (died, stillbirth). */
    public static final List<String> ASCOF_EXCLUDED_DISCHARGE_METHODS = List.of("4", "5");
    /** ASCOF 2D: discharge destinations left out (other hospitals, died, independent hospital, hospice). */
    public static final List<String> ASCOF_EXCLUDED_DESTINATIONS = List.of("49", "50", "51", "52", "79", "87", "88");
    /** ASCOF 2D follow-up period after discharge, in days. */
    public static final int FOLLOW_UP_DAYS = 84;

    private static final SourceCatalog STANDARD = new SourceCatalog();

    private final List<SourceDataset> datasets;

    private SourceCatalog() {
        this.datasets = List.of(inpatientSpells(), socialCarePeople(), socialCareEvents(), gpRegistrations());
    }

    /** The catalog of the source schema shipped with this version. */
    public static SourceCatalog standard() {
        return STANDARD;
    }

    @Override
    public List<DatasetDescriptor> datasets() {
        return datasets.stream().map(SourceDataset::descriptor).toList();
    }

    @Override
    public DatasetDescriptor indexDataset(IndexEvent event) {
        return indexSource(event).descriptor();
    }

    /** The dataset of index events, as the planner reads it. */
    public SourceDataset indexSource(IndexEvent event) {
        return switch (event) {
            case HOSPITAL_DISCHARGE, HOSPITAL_ADMISSION -> source("inpatient_spell");
        };
    }

    /** The date an index event happens on. */
    public Field<LocalDate> indexDate(IndexEvent event) {
        return switch (event) {
            case HOSPITAL_DISCHARGE -> INPATIENT_SPELL.DISCHARGE_DATE;
            case HOSPITAL_ADMISSION -> INPATIENT_SPELL.ADMISSION_DATE;
        };
    }

    /** A condition true when the index event's person had a social care service running on {@code on}. */
    public Condition socialCareOn(IndexEvent event, Field<LocalDate> on) {
        return switch (event) {
            case HOSPITAL_DISCHARGE, HOSPITAL_ADMISSION -> serviceAt(INPATIENT_SPELL, on, Optional.empty());
        };
    }

    /** The date of birth used for ages at the index date. */
    public Field<LocalDate> indexDateOfBirth(IndexEvent event) {
        return switch (event) {
            case HOSPITAL_DISCHARGE, HOSPITAL_ADMISSION -> INPATIENT_SPELL.DATE_OF_BIRTH;
        };
    }

    /** The dataset with this name, as the planner reads it. */
    public SourceDataset source(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot find dataset " + name
                        + ": the catalog has " + datasetNames()));
    }

    /**
     * The NHS number with spaces and dashes removed: how records are linked across sources. Expression
     * indexes on exactly this form (migration V5) keep the links fast.
     */
    public static Field<String> linkKey(Field<String> nhsNumber) {
        return replace(replace(nhsNumber, " ", ""), "-", "");
    }

    /**
     * Whether someone born on {@code born} is {@code years} or more whole years old on {@code on}: born no later
     * than the same day {@code years} years before. PostgreSQL takes 29 February back to 28 February in a common
     * year, which keeps this equal to counting whole years (a 29 February birthday falls on 1 March in a common
     * year). Date arithmetic, not the numerics {@code extract} returns: per row it cost PostgreSQL several times as
     * much, and the source is often a live system.
     */
    public static Condition agedAtLeast(Field<LocalDate> born, Field<LocalDate> on, int years) {
        return born.le(localDateSub(on, inline(years), DatePart.YEAR));
    }

    private static SourceDataset inpatientSpells() {
        InpatientSpell s = INPATIENT_SPELL;
        List<SourceField> fields = new ArrayList<>();
        fields.add(identifier("spell_id", s.SPELL_ID, IdentifierKind.HOSPITAL_SPELL_ID, "Hospital provider spell identifier"));
        fields.add(nhsNumber(s.NHS_NUMBER));
        fields.add(column("provider_code", FieldCategory.CODE, s.PROVIDER_CODE, "Organisation code of the hospital provider"));
        fields.add(column("date_of_birth", FieldCategory.DATE_OF_BIRTH, s.DATE_OF_BIRTH, "Date of birth as recorded by the hospital"));
        fields.add(column("sex", FieldCategory.CODE, s.SEX, "Sex (1 male, 2 female, 9 not specified, 0 not known)"));
        fields.add(column("ethnic_category", FieldCategory.CODE, s.ETHNIC_CATEGORY, "Ethnic category (NHS Data Dictionary)"));
        fields.add(column("lsoa", FieldCategory.CODE, s.LSOA, "Lower layer super output area of residence"));
        fields.add(column("admission_date", FieldCategory.DATE, s.ADMISSION_DATE, "Start of the spell"));
        fields.add(column("discharge_date", FieldCategory.DATE, s.DISCHARGE_DATE, "End of the spell"));
        fields.add(column("admission_method", FieldCategory.CODE, s.ADMISSION_METHOD, "Admission method code"));
        fields.add(column("admission_source", FieldCategory.CODE, s.ADMISSION_SOURCE, "Admission source code"));
        fields.add(column("patient_classification", FieldCategory.CODE, s.PATIENT_CLASSIFICATION, "Patient classification"));
        fields.add(column("treatment_function", FieldCategory.CODE, s.TREATMENT_FUNCTION, "Treatment function code"));
        fields.add(column("discharge_method", FieldCategory.CODE, s.DISCHARGE_METHOD, "Discharge method code"));
        fields.add(column("discharge_destination", FieldCategory.CODE, s.DISCHARGE_DESTINATION, "Discharge destination code"));
        fields.add(column("discharge_ready_date", FieldCategory.DATE, s.DISCHARGE_READY_DATE,
                "Date the patient no longer met the criteria to reside (blank: left that day)"));
        fields.add(derived("length_of_stay_days", FieldCategory.DAYS,
                localDateDiff(s.DISCHARGE_DATE, s.ADMISSION_DATE),
                "Discharge date minus admission date, in days", s.ADMISSION_DATE, s.DISCHARGE_DATE));
        fields.add(derived("discharge_delay_days", FieldCategory.DAYS,
                localDateDiff(s.DISCHARGE_DATE, coalesce(s.DISCHARGE_READY_DATE, s.DISCHARGE_DATE)),
                "Discharge date minus discharge ready date, in days (0 when the ready date is blank)",
                s.DISCHARGE_DATE, s.DISCHARGE_READY_DATE));
        fields.add(derived("emergency_admission", FieldCategory.FLAG, field(emergency(s)),
                "Admission method is an emergency method (2x)", s.ADMISSION_METHOD));
        fields.add(derived("social_care_at_admission", FieldCategory.FLAG,
                field(serviceAt(s, s.ADMISSION_DATE, Optional.empty())),
                "The person had a social care service running on the admission date",
                s.NHS_NUMBER, s.ADMISSION_DATE, PERSON.NHS_NUMBER, EVENT.SERVICE_TYPE, EVENT.EVENT_START_DATE, EVENT.EVENT_END_DATE));
        fields.add(derived("long_term_residential_at_admission", FieldCategory.FLAG,
                field(serviceAt(s, s.ADMISSION_DATE, Optional.of(LONG_TERM_RESIDENTIAL))),
                "The person was in long-term residential, nursing or prison support on the admission date",
                s.NHS_NUMBER, s.ADMISSION_DATE, PERSON.NHS_NUMBER, EVENT.SERVICE_TYPE, EVENT.EVENT_START_DATE, EVENT.EVENT_END_DATE));
        fields.add(derived("ascof_2d_eligible", FieldCategory.FLAG, field(ascofEligible(s)),
                "In the ASCOF 2D denominator: not a maternity or birth admission, not died, not discharged to another "
                        + "hospital or hospice, not in long-term residential, nursing or prison support at admission",
                s.ADMISSION_METHOD, s.DISCHARGE_METHOD, s.DISCHARGE_DESTINATION, EVENT.SERVICE_TYPE));
        fields.add(derived("discharged_to_reablement", FieldCategory.FLAG, field(reablementAfter(s)),
                "ASCOF 2D: a reablement episode (ST-Max, component Reablement; events within 7 days of each other are one "
                        + "episode) started 7 days before to 3 days after discharge",
                s.NHS_NUMBER, s.DISCHARGE_DATE, PERSON.NHS_NUMBER, EVENT.SERVICE_TYPE, EVENT.SERVICE_COMPONENT, EVENT.EVENT_START_DATE,
                EVENT.EVENT_END_DATE));
        fields.add(derived("died_within_84_days", FieldCategory.FLAG, field(diedWithin(s)),
                "Died within 84 days of discharge (social care date of death, or a later spell ending in death)",
                s.NHS_NUMBER, s.DISCHARGE_DATE, PERSON.DATE_OF_DEATH, s.DISCHARGE_METHOD));
        fields.add(derived("emergency_readmission_within_84_days", FieldCategory.FLAG, field(readmittedWithin(s)),
                "An emergency admission within 84 days after discharge", s.NHS_NUMBER, s.DISCHARGE_DATE, s.ADMISSION_METHOD));
        fields.add(derived("new_long_term_care_within_84_days", FieldCategory.FLAG, field(newLongTermCare(s)),
                "A new long-term residential or nursing service started within 84 days after discharge",
                s.NHS_NUMBER, s.DISCHARGE_DATE, PERSON.NHS_NUMBER, EVENT.SERVICE_TYPE, EVENT.EVENT_START_DATE));
        fields.add(derived("reablement_outcome_achieved", FieldCategory.FLAG,
                field(reablementAfter(s).and(not(diedWithin(s))).and(not(readmittedWithin(s))).and(not(newLongTermCare(s)))),
                "ASCOF 2D part 1: discharged into reablement with no death, emergency readmission or new long-term "
                        + "residential or nursing care within 84 days",
                s.NHS_NUMBER, s.DISCHARGE_DATE, PERSON.DATE_OF_DEATH, EVENT.SERVICE_TYPE, EVENT.SERVICE_COMPONENT,
                EVENT.EVENT_START_DATE, EVENT.EVENT_END_DATE));
        return new SourceDataset("inpatient_spell",
                "Hospital inpatient spells (SUS+ / HES Admitted Patient Care), one row per spell",
                DataOrigin.HOSPITAL, s, List.of(s), s.NHS_NUMBER, s.SPELL_ID, Optional.of(s.ADMISSION_DATE), fields);
    }

    private static SourceDataset socialCarePeople() {
        Person p = PERSON;
        List<SourceField> fields = List.of(
                identifier("council_person_id", p.COUNCIL_PERSON_ID, IdentifierKind.COUNCIL_PERSON_ID,
                        "The council's person identifier"),
                nhsNumber(p.NHS_NUMBER),
                column("nhs_number_trace_status", FieldCategory.CODE, p.NHS_NUMBER_TRACE_STATUS,
                        "Outcome of the Personal Demographics Service trace"),
                column("date_of_birth", FieldCategory.DATE_OF_BIRTH, p.DATE_OF_BIRTH, "Date of birth"),
                column("date_of_death", FieldCategory.DATE, p.DATE_OF_DEATH, "Date of death"),
                column("gender", FieldCategory.CODE, p.GENDER, "Gender"),
                column("ethnicity", FieldCategory.CODE, p.ETHNICITY, "Ethnicity (2021 census wording)"),
                column("postcode", FieldCategory.POSTCODE, p.POSTCODE, "Postcode of residence"),
                column("gp_practice_code", FieldCategory.CODE, p.GP_PRACTICE_CODE, "GP practice code"),
                column("client_type", FieldCategory.CODE, p.CLIENT_TYPE, "Client type"),
                column("primary_support_reason", FieldCategory.CODE, p.PRIMARY_SUPPORT_REASON, "Primary support reason"),
                column("accommodation_status", FieldCategory.CODE, p.ACCOMMODATION_STATUS, "Accommodation status"));
        return new SourceDataset("social_care_person",
                "Adult social care person records (ASC-CLD person fields), one row per council record",
                DataOrigin.SOCIAL_CARE, p, List.of(p), p.NHS_NUMBER, p.PERSON_ID, Optional.empty(), fields);
    }

    private static SourceDataset socialCareEvents() {
        Event e = EVENT;
        Person p = PERSON;
        List<SourceField> fields = List.of(
                identifier("event_id", e.EVENT_ID, IdentifierKind.SOCIAL_CARE_EVENT_ID, "The council's event identifier"),
                identifier("council_person_id", p.COUNCIL_PERSON_ID, IdentifierKind.COUNCIL_PERSON_ID,
                        "The council's person identifier"),
                nhsNumber(p.NHS_NUMBER),
                column("event_type", FieldCategory.CODE, e.EVENT_TYPE, "Request, Assessment, Service or Review"),
                column("event_start_date", FieldCategory.DATE, e.EVENT_START_DATE, "Start of the event"),
                column("event_end_date", FieldCategory.DATE, e.EVENT_END_DATE, "End of the event (blank: ongoing)"),
                column("event_outcome", FieldCategory.CODE, e.EVENT_OUTCOME, "Event outcome"),
                column("route_of_access", FieldCategory.CODE, e.ROUTE_OF_ACCESS, "Route of access (requests)"),
                column("service_type", FieldCategory.CODE, e.SERVICE_TYPE, "Service type (services)"),
                column("service_component", FieldCategory.CODE, e.SERVICE_COMPONENT, "Service component (services)"),
                column("delivery_mechanism", FieldCategory.CODE, e.DELIVERY_MECHANISM, "Delivery mechanism (services)"),
                column("unit_cost", FieldCategory.AMOUNT, e.UNIT_COST, "Unit cost in pounds"),
                column("cost_frequency", FieldCategory.CODE, e.COST_FREQUENCY, "Cost frequency"),
                column("planned_units_per_week", FieldCategory.AMOUNT, e.PLANNED_UNITS_PER_WEEK, "Planned units per week"),
                column("review_reason", FieldCategory.CODE, e.REVIEW_REASON, "Review reason (reviews)"),
                column("review_outcome", FieldCategory.CODE, e.REVIEW_OUTCOME, "Review outcome (reviews)"));
        return new SourceDataset("social_care_event",
                "Adult social care events (ASC-CLD event fields) with their person's NHS number, one row per event",
                DataOrigin.SOCIAL_CARE, e.join(p).on(e.PERSON_ID.eq(p.PERSON_ID)), List.of(e, p),
                p.NHS_NUMBER, e.EVENT_ID, Optional.of(e.EVENT_START_DATE), fields);
    }

    private static SourceDataset gpRegistrations() {
        var g = GP_REGISTRATION;
        List<SourceField> fields = List.of(
                nhsNumber(g.NHS_NUMBER),
                column("practice_code", FieldCategory.CODE, g.PRACTICE_CODE, "GP practice code"),
                column("registered_from", FieldCategory.DATE, g.REGISTERED_FROM, "Start of the registration"),
                column("registered_to", FieldCategory.DATE, g.REGISTERED_TO, "End of the registration (blank: current)"));
        return new SourceDataset("gp_registration",
                "GP practice registrations (GP-sourced: the Type 1 opt-out applies)",
                DataOrigin.GP, g, List.of(g), g.NHS_NUMBER, g.REGISTRATION_ID, Optional.of(g.REGISTERED_FROM), fields);
    }

    private static Condition emergency(InpatientSpell s) {
        var method = Tables.ADMISSION_METHOD;
        return exists(selectOne().from(method).where(method.CODE.eq(s.ADMISSION_METHOD)).and(method.EMERGENCY.isTrue()));
    }

    /** A social care service of the spell's person running on {@code on}, of the given types or any. */
    private static Condition serviceAt(InpatientSpell s, Field<LocalDate> on, Optional<List<String>> serviceTypes) {
        Event e = EVENT.as("service_at");
        Person p = PERSON.as("service_at_person");
        Condition types = serviceTypes.map(e.SERVICE_TYPE::in).orElse(e.SERVICE_TYPE.isNotNull());
        return exists(selectOne().from(e).join(p).on(e.PERSON_ID.eq(p.PERSON_ID))
                .where(linkKey(p.NHS_NUMBER).eq(linkKey(s.NHS_NUMBER)))
                .and(e.EVENT_TYPE.eq("Service"))
                .and(types)
                .and(e.EVENT_START_DATE.le(on))
                .and(e.EVENT_END_DATE.isNull().or(e.EVENT_END_DATE.ge(on))));
    }

    private static Condition ascofEligible(InpatientSpell s) {
        return s.ADMISSION_METHOD.notIn(ASCOF_EXCLUDED_ADMISSION_METHODS)
                .and(coalesce(s.DISCHARGE_METHOD, "").notIn(ASCOF_EXCLUDED_DISCHARGE_METHODS))
                .and(coalesce(s.DISCHARGE_DESTINATION, "").notIn(ASCOF_EXCLUDED_DESTINATIONS))
                .and(not(serviceAt(s, s.ADMISSION_DATE, Optional.of(LONG_TERM_RESIDENTIAL))));
    }

    /**
     * A reablement episode of the spell's person starting 7 days before to 3 days after discharge. ASCOF 2D
     * takes reablement events within 7 days of each other as one episode, which starts with its first event: an
     * event that follows another of the person's reablement events by 7 days or less starts no episode.
     */
    private static Condition reablementAfter(InpatientSpell s) {
        Event e = EVENT.as("reablement");
        Person p = PERSON.as("reablement_person");
        Event earlier = EVENT.as("reablement_earlier");
        return exists(selectOne().from(e).join(p).on(e.PERSON_ID.eq(p.PERSON_ID))
                .where(linkKey(p.NHS_NUMBER).eq(linkKey(s.NHS_NUMBER)))
                .and(reablement(e))
                .and(e.EVENT_START_DATE.between(s.DISCHARGE_DATE.minus(7), s.DISCHARGE_DATE.plus(3)))
                .and(notExists(selectOne().from(earlier)
                        .where(earlier.PERSON_ID.eq(e.PERSON_ID))
                        .and(reablement(earlier))
                        .and(earlier.EVENT_START_DATE.lt(e.EVENT_START_DATE))
                        .and(earlier.EVENT_END_DATE.isNull().or(earlier.EVENT_END_DATE.ge(e.EVENT_START_DATE.minus(7)))))));
    }

    private static Condition reablement(Event e) {
        return e.SERVICE_TYPE.eq("Short term support: ST-Max").and(e.SERVICE_COMPONENT.eq("Reablement"));
    }

    private static Condition diedWithin(InpatientSpell s) {
        Person p = PERSON.as("death_person");
        InpatientSpell later = INPATIENT_SPELL.as("death_spell");
        return exists(selectOne().from(p)
                        .where(linkKey(p.NHS_NUMBER).eq(linkKey(s.NHS_NUMBER)))
                        .and(p.DATE_OF_DEATH.between(s.DISCHARGE_DATE, s.DISCHARGE_DATE.plus(FOLLOW_UP_DAYS))))
                .or(exists(selectOne().from(later)
                        .where(linkKey(later.NHS_NUMBER).eq(linkKey(s.NHS_NUMBER)))
                        .and(later.DISCHARGE_METHOD.eq("4"))
                        .and(later.DISCHARGE_DATE.between(s.DISCHARGE_DATE, s.DISCHARGE_DATE.plus(FOLLOW_UP_DAYS)))));
    }

    private static Condition readmittedWithin(InpatientSpell s) {
        InpatientSpell later = INPATIENT_SPELL.as("readmission");
        var method = Tables.ADMISSION_METHOD;
        return exists(selectOne().from(later).join(method).on(method.CODE.eq(later.ADMISSION_METHOD))
                .where(linkKey(later.NHS_NUMBER).eq(linkKey(s.NHS_NUMBER)))
                .and(method.EMERGENCY.isTrue())
                .and(later.ADMISSION_DATE.gt(s.DISCHARGE_DATE))
                .and(later.ADMISSION_DATE.le(s.DISCHARGE_DATE.plus(FOLLOW_UP_DAYS))));
    }

    private static Condition newLongTermCare(InpatientSpell s) {
        Event e = EVENT.as("new_long_term");
        Person p = PERSON.as("new_long_term_person");
        return exists(selectOne().from(e).join(p).on(e.PERSON_ID.eq(p.PERSON_ID))
                .where(linkKey(p.NHS_NUMBER).eq(linkKey(s.NHS_NUMBER)))
                .and(e.SERVICE_TYPE.in(LONG_TERM_RESIDENTIAL.subList(0, 2)))
                .and(e.EVENT_START_DATE.gt(s.DISCHARGE_DATE))
                .and(e.EVENT_START_DATE.le(s.DISCHARGE_DATE.plus(FOLLOW_UP_DAYS))))
                .and(not(serviceAt(s, s.ADMISSION_DATE, Optional.of(LONG_TERM_RESIDENTIAL))));
    }

    private static SourceField nhsNumber(TableField<?, String> column) {
        return new SourceField(new FieldDescriptor("nhs_number", FieldCategory.NHS_NUMBER,
                "NHS number (the link between sources)"), column, List.of(column), Optional.of(IdentifierKind.NHS_NUMBER));
    }

    private static SourceField identifier(String name, TableField<?, ?> column, IdentifierKind kind, String description) {
        return new SourceField(new FieldDescriptor(name, FieldCategory.IDENTIFIER, description), column,
                List.of(column), Optional.of(kind));
    }

    private static SourceField column(String name, FieldCategory category, TableField<?, ?> column, String description) {
        return new SourceField(new FieldDescriptor(name, category, description), column, List.of(column), Optional.empty());
    }

    private static SourceField derived(
            String name, FieldCategory category, Field<?> expression, String description, TableField<?, ?>... inputs) {
        return new SourceField(new FieldDescriptor(name, category, description), expression, List.of(inputs), Optional.empty());
    }
}
