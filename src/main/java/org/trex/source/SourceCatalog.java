package org.trex.source;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateSub;
import static org.jooq.impl.DSL.replace;
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
import org.trex.source.jooq.health.tables.GpRegistration;
import org.trex.source.jooq.health.tables.InpatientSpell;
import org.trex.source.jooq.social_care.tables.Event;
import org.trex.source.jooq.social_care.tables.Person;
import org.trex.spec.DataOrigin;
import org.trex.spec.DatasetCatalog;
import org.trex.spec.DatasetDescriptor;
import org.trex.spec.FieldCategory;
import org.trex.spec.FieldDescriptor;
import org.trex.spec.IndexEvent;

/**
 * The datasets and fields specs may name, each built from the generated jOOQ classes of the source schema, so
 * nothing outside this list can ever be selected. It lists datasets and fields only: every evaluation's logic
 * (delays, ASCOF 2D, care after discharge) is written in the variable language, in specs and {@code definitions/}.
 */
public final class SourceCatalog implements DatasetCatalog {
    private static final SourceCatalog STANDARD = new SourceCatalog();

    private final List<SourceDataset> datasets;

    private SourceCatalog() {
        this.datasets = List.of(inpatientSpells(INPATIENT_SPELL), socialCarePeople(PERSON),
                socialCareEvents(EVENT, PERSON), gpRegistrations(GP_REGISTRATION));
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
        return source(indexDatasetName(event));
    }

    /** The name of the dataset of index events. */
    public static String indexDatasetName(IndexEvent event) {
        return switch (event) {
            case HOSPITAL_DISCHARGE, HOSPITAL_ADMISSION -> "inpatient_spell";
        };
    }

    /** The field of the index dataset that dates an index event. */
    public static String indexDateField(IndexEvent event) {
        return switch (event) {
            case HOSPITAL_DISCHARGE -> "discharge_date";
            case HOSPITAL_ADMISSION -> "admission_date";
        };
    }

    /** The date an index event happens on. */
    @SuppressWarnings("unchecked")
    public Field<LocalDate> indexDate(IndexEvent event) {
        return (Field<LocalDate>) indexSource(event).requireField(indexDateField(event)).expression();
    }

    /** The date of birth used for ages at the index date. */
    @SuppressWarnings("unchecked")
    public Field<LocalDate> indexDateOfBirth(IndexEvent event) {
        return (Field<LocalDate>) indexSource(event).requireField("date_of_birth").expression();
    }

    /** The dataset with this name, as the planner reads it. */
    public SourceDataset source(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot find dataset " + name
                        + ": the catalog has " + datasetNames()));
    }

    /**
     * The dataset with this name over its tables renamed {@code alias} (and {@code alias_person} for a joined
     * person table), for queries that read a dataset beside itself or inside another query over it.
     */
    public SourceDataset source(String name, String alias) {
        SourceDataset dataset = switch (name) {
            case "inpatient_spell" -> inpatientSpells(INPATIENT_SPELL.as(alias));
            case "social_care_person" -> socialCarePeople(PERSON.as(alias));
            case "social_care_event" -> socialCareEvents(EVENT.as(alias), PERSON.as(alias + "_person"));
            case "gp_registration" -> gpRegistrations(GP_REGISTRATION.as(alias));
            default -> null;
        };
        return dataset != null ? dataset : source(name);
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

    private static SourceDataset inpatientSpells(InpatientSpell s) {
        List<SourceField> fields = new ArrayList<>();
        fields.add(identifier("spell_id", s.SPELL_ID, IdentifierKind.HOSPITAL_SPELL_ID,
                "Hospital provider spell identifier"));
        fields.add(nhsNumber(s.NHS_NUMBER));
        fields.add(column("provider_code", FieldCategory.CODE, s.PROVIDER_CODE,
                "Organisation code of the hospital provider"));
        fields.add(column("date_of_birth", FieldCategory.DATE_OF_BIRTH, s.DATE_OF_BIRTH,
                "Date of birth as recorded by the hospital"));
        fields.add(coded("sex", s.SEX, ReferenceCodes.SEX, "Sex (1 male, 2 female, 9 not specified, 0 not known)"));
        fields.add(coded("ethnic_category", s.ETHNIC_CATEGORY, ReferenceCodes.ETHNIC_CATEGORY,
                "Ethnic category (NHS Data Dictionary)"));
        fields.add(column("lsoa", FieldCategory.CODE, s.LSOA, "Lower layer super output area of residence"));
        fields.add(column("admission_date", FieldCategory.DATE, s.ADMISSION_DATE, "Start of the spell"));
        fields.add(column("discharge_date", FieldCategory.DATE, s.DISCHARGE_DATE, "End of the spell"));
        fields.add(coded("admission_method", s.ADMISSION_METHOD, ReferenceCodes.ADMISSION_METHOD,
                "Admission method code"));
        fields.add(coded("admission_source", s.ADMISSION_SOURCE, ReferenceCodes.ADMISSION_SOURCE,
                "Admission source code"));
        fields.add(coded("patient_classification", s.PATIENT_CLASSIFICATION, ReferenceCodes.PATIENT_CLASSIFICATION,
                "Patient classification"));
        fields.add(column("treatment_function", FieldCategory.CODE, s.TREATMENT_FUNCTION, "Treatment function code"));
        fields.add(coded("discharge_method", s.DISCHARGE_METHOD, ReferenceCodes.DISCHARGE_METHOD,
                "Discharge method code"));
        fields.add(coded("discharge_destination", s.DISCHARGE_DESTINATION, ReferenceCodes.DISCHARGE_DESTINATION,
                "Discharge destination code"));
        fields.add(column("discharge_ready_date", FieldCategory.DATE, s.DISCHARGE_READY_DATE,
                "Date the patient no longer met the criteria to reside (blank: left that day)"));
        return new SourceDataset("inpatient_spell",
                "Hospital inpatient spells (SUS+ / HES Admitted Patient Care), one row per spell",
                DataOrigin.HOSPITAL, s, List.of(s), s.NHS_NUMBER, s.SPELL_ID,
                Optional.empty(), Optional.of(s.ADMISSION_DATE), fields);
    }

    private static SourceDataset socialCarePeople(Person p) {
        List<SourceField> fields = List.of(
                identifier("council_person_id", p.COUNCIL_PERSON_ID, IdentifierKind.COUNCIL_PERSON_ID,
                        "The council's person identifier"),
                nhsNumber(p.NHS_NUMBER),
                coded("nhs_number_trace_status", p.NHS_NUMBER_TRACE_STATUS, ReferenceCodes.PDS_TRACE_STATUS,
                        "Outcome of the Personal Demographics Service trace"),
                column("date_of_birth", FieldCategory.DATE_OF_BIRTH, p.DATE_OF_BIRTH, "Date of birth"),
                column("date_of_death", FieldCategory.DATE, p.DATE_OF_DEATH, "Date of death"),
                coded("gender", p.GENDER, ReferenceCodes.GENDER, "Gender"),
                coded("ethnicity", p.ETHNICITY, ReferenceCodes.ETHNICITY, "Ethnicity (2021 census wording)"),
                column("postcode", FieldCategory.POSTCODE, p.POSTCODE, "Postcode of residence"),
                column("gp_practice_code", FieldCategory.CODE, p.GP_PRACTICE_CODE, "GP practice code"),
                coded("client_type", p.CLIENT_TYPE, ReferenceCodes.CLIENT_TYPE, "Client type"),
                coded("primary_support_reason", p.PRIMARY_SUPPORT_REASON, ReferenceCodes.PRIMARY_SUPPORT_REASON,
                        "Primary support reason"),
                coded("accommodation_status", p.ACCOMMODATION_STATUS, ReferenceCodes.ACCOMMODATION_STATUS,
                        "Accommodation status"));
        return new SourceDataset("social_care_person",
                "Adult social care person records (ASC-CLD person fields), one row per council record",
                DataOrigin.SOCIAL_CARE, p, List.of(p), p.NHS_NUMBER, p.PERSON_ID,
                Optional.of(p.PERSON_ID), Optional.empty(), fields);
    }

    private static SourceDataset socialCareEvents(Event e, Person p) {
        List<SourceField> fields = List.of(
                identifier("event_id", e.EVENT_ID, IdentifierKind.SOCIAL_CARE_EVENT_ID,
                        "The council's event identifier"),
                identifier("council_person_id", p.COUNCIL_PERSON_ID, IdentifierKind.COUNCIL_PERSON_ID,
                        "The council's person identifier"),
                nhsNumber(p.NHS_NUMBER),
                coded("client_type", p.CLIENT_TYPE, ReferenceCodes.CLIENT_TYPE,
                        "The person's client type (service user, carer)"),
                column("date_of_death", FieldCategory.DATE, p.DATE_OF_DEATH, "The person's date of death"),
                coded("event_type", e.EVENT_TYPE, ReferenceCodes.EVENT_TYPE, "Request, Assessment, Service or Review"),
                column("event_start_date", FieldCategory.DATE, e.EVENT_START_DATE, "Start of the event"),
                column("event_end_date", FieldCategory.DATE, e.EVENT_END_DATE, "End of the event (blank: ongoing)"),
                coded("event_outcome", e.EVENT_OUTCOME, ReferenceCodes.EVENT_OUTCOME, "Event outcome"),
                coded("route_of_access", e.ROUTE_OF_ACCESS, ReferenceCodes.ROUTE_OF_ACCESS,
                        "Route of access (requests)"),
                coded("service_type", e.SERVICE_TYPE, ReferenceCodes.SERVICE_TYPE, "Service type (services)"),
                coded("service_component", e.SERVICE_COMPONENT, ReferenceCodes.SERVICE_COMPONENT,
                        "Service component (services)"),
                coded("delivery_mechanism", e.DELIVERY_MECHANISM, ReferenceCodes.DELIVERY_MECHANISM,
                        "Delivery mechanism (services)"),
                column("provider_location_id", FieldCategory.CODE, e.PROVIDER_LOCATION_ID,
                        "The provider's CQC location ID (services)"),
                column("unit_cost", FieldCategory.AMOUNT, e.UNIT_COST, "Unit cost in pounds"),
                coded("cost_frequency", e.COST_FREQUENCY, ReferenceCodes.COST_FREQUENCY, "Cost frequency"),
                column("planned_units_per_week", FieldCategory.AMOUNT, e.PLANNED_UNITS_PER_WEEK,
                        "Planned units per week"),
                column("review_reason", FieldCategory.CODE, e.REVIEW_REASON, "Review reason (reviews)"),
                column("review_outcome", FieldCategory.CODE, e.REVIEW_OUTCOME, "Review outcome (reviews)"));
        return new SourceDataset("social_care_event",
                "Adult social care events (ASC-CLD event fields) with their person's NHS number, one row per event",
                DataOrigin.SOCIAL_CARE, e.join(p).on(e.PERSON_ID.eq(p.PERSON_ID)), List.of(e, p),
                p.NHS_NUMBER, e.EVENT_ID, Optional.of(p.PERSON_ID), Optional.of(e.EVENT_START_DATE), fields);
    }

    private static SourceDataset gpRegistrations(GpRegistration g) {
        List<SourceField> fields = List.of(
                nhsNumber(g.NHS_NUMBER),
                column("practice_code", FieldCategory.CODE, g.PRACTICE_CODE, "GP practice code"),
                column("registered_from", FieldCategory.DATE, g.REGISTERED_FROM, "Start of the registration"),
                column("registered_to", FieldCategory.DATE, g.REGISTERED_TO,
                        "End of the registration (blank: current)"));
        return new SourceDataset("gp_registration",
                "GP practice registrations (GP-sourced: the Type 1 opt-out applies)",
                DataOrigin.GP, g, List.of(g), g.NHS_NUMBER, g.REGISTRATION_ID,
                Optional.empty(), Optional.of(g.REGISTERED_FROM), fields);
    }

    private static SourceField nhsNumber(TableField<?, String> column) {
        return new SourceField(new FieldDescriptor("nhs_number", FieldCategory.NHS_NUMBER,
                "NHS number (the link between sources)", List.of()), column, List.of(column),
                Optional.of(IdentifierKind.NHS_NUMBER));
    }

    private static SourceField identifier(String name, TableField<?, ?> column, IdentifierKind kind,
            String description) {
        return new SourceField(new FieldDescriptor(name, FieldCategory.IDENTIFIER, description, List.of()), column,
                List.of(column), Optional.of(kind));
    }

    private static SourceField column(String name, FieldCategory category, TableField<?, ?> column,
            String description) {
        return new SourceField(new FieldDescriptor(name, category, description, List.of()), column, List.of(column),
                Optional.empty());
    }

    private static SourceField coded(String name, TableField<?, ?> column, List<String> codes, String description) {
        return new SourceField(new FieldDescriptor(name, FieldCategory.CODE, description, codes), column,
                List.of(column), Optional.empty());
    }
}
