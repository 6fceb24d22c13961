package org.trex.load;

import static org.trex.source.jooq.ref.Tables.ACCOMMODATION_STATUS;
import static org.trex.source.jooq.ref.Tables.ADMISSION_METHOD;
import static org.trex.source.jooq.ref.Tables.ADMISSION_SOURCE;
import static org.trex.source.jooq.ref.Tables.CLIENT_TYPE;
import static org.trex.source.jooq.ref.Tables.DELIVERY_MECHANISM;
import static org.trex.source.jooq.ref.Tables.DISCHARGE_DESTINATION;
import static org.trex.source.jooq.ref.Tables.DISCHARGE_METHOD;
import static org.trex.source.jooq.ref.Tables.ETHNIC_CATEGORY;
import static org.trex.source.jooq.ref.Tables.ETHNICITY;
import static org.trex.source.jooq.ref.Tables.EVENT_OUTCOME;
import static org.trex.source.jooq.ref.Tables.EVENT_TYPE;
import static org.trex.source.jooq.ref.Tables.GENDER;
import static org.trex.source.jooq.ref.Tables.OBJECTION_CHANNEL;
import static org.trex.source.jooq.ref.Tables.PRIMARY_SUPPORT_REASON;
import static org.trex.source.jooq.ref.Tables.ROUTE_OF_ACCESS;
import static org.trex.source.jooq.ref.Tables.SERVICE_COMPONENT;
import static org.trex.source.jooq.ref.Tables.SERVICE_TYPE;
import static org.trex.source.jooq.ref.Tables.SEX;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.trex.source.ReferenceCodes;
import org.trex.spec.MappingVocabulary;

/**
 * The national value lists of a layout's coded columns, read from the source schema's reference tables
 * (db/source V1), so the loader checks against exactly what the database's foreign keys accept.
 */
public final class ValueLists {
    /** The lists the schema keeps as CHECK constraints rather than tables, as the spec checker has them too. */
    private static final Map<String, Set<String>> FIXED = Map.of(
            "Cost_Frequency_Unit_Type", Set.copyOf(ReferenceCodes.COST_FREQUENCY),
            "Patient_Classification_Code", Set.copyOf(ReferenceCodes.PATIENT_CLASSIFICATION),
            "Eligible_Needs_Identified", Set.of("Yes", "No"));

    private static final Map<String, TableField<?, String>> TABLES = Map.ofEntries(
            Map.entry("Gender", GENDER.VALUE),
            Map.entry("Ethnicity", ETHNICITY.VALUE),
            Map.entry("Client_Type", CLIENT_TYPE.VALUE),
            Map.entry("Primary_Support_Reason", PRIMARY_SUPPORT_REASON.VALUE),
            Map.entry("Accommodation_Status", ACCOMMODATION_STATUS.VALUE),
            Map.entry("Event_Type", EVENT_TYPE.VALUE),
            Map.entry("Event_Outcome", EVENT_OUTCOME.VALUE),
            Map.entry("Request_Route_of_Access", ROUTE_OF_ACCESS.VALUE),
            Map.entry("Service_Type", SERVICE_TYPE.VALUE),
            Map.entry("Service_Component", SERVICE_COMPONENT.VALUE),
            Map.entry("Delivery_Mechanism", DELIVERY_MECHANISM.VALUE),
            Map.entry("Person_Stated_Gender_Code", SEX.CODE),
            Map.entry("Ethnic_Category", ETHNIC_CATEGORY.CODE),
            Map.entry("Admission_Method_Hospital_Provider_Spell", ADMISSION_METHOD.CODE),
            Map.entry("Source_of_Admission_Hospital_Provider_Spell", ADMISSION_SOURCE.CODE),
            Map.entry("Discharge_Method_Hospital_Provider_Spell", DISCHARGE_METHOD.CODE),
            Map.entry("Discharge_Destination_Hospital_Provider_Spell", DISCHARGE_DESTINATION.CODE),
            Map.entry("Objection_Received_Via", OBJECTION_CHANNEL.VALUE));

    private ValueLists() {
    }

    /** Each coded column of the layout and its national values. */
    public static Map<String, Set<String>> fetch(DSLContext dsl, SourceKind kind) {
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        for (NationalColumn column : kind.columns()) {
            if (column.kind() != ColumnKind.CODE && column.kind() != ColumnKind.YES_NO) {
                continue;
            }
            TableField<?, String> field = TABLES.get(column.name());
            lists.put(column.name(), field != null
                    ? Set.copyOf(dsl.select(field).from(field.getTable()).fetch(field))
                    : FIXED.get(column.name()));
        }
        return lists;
    }

    /** What a mapping file for the layout may name: every column, and the national values of coded ones. */
    public static MappingVocabulary vocabulary(SourceKind kind, Map<String, Set<String>> lists) {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        for (NationalColumn column : kind.columns()) {
            columns.put(column.name(), lists.getOrDefault(column.name(), Set.of()));
        }
        return new MappingVocabulary(kind.cliName(), columns);
    }
}
