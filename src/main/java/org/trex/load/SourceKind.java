package org.trex.load;

import static java.util.Objects.requireNonNull;
import static org.trex.load.ColumnKind.CODE;
import static org.trex.load.ColumnKind.DATE;
import static org.trex.load.ColumnKind.DECIMAL;
import static org.trex.load.ColumnKind.IDENTIFIER;
import static org.trex.load.ColumnKind.NHS_NUMBER;
import static org.trex.load.ColumnKind.PERSONAL_DATE;
import static org.trex.load.ColumnKind.TEXT;
import static org.trex.load.ColumnKind.YES_NO;
import static org.trex.load.NationalColumn.optional;
import static org.trex.load.NationalColumn.required;

import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;
import static org.trex.source.jooq.opt_out.Tables.LOCAL_OBJECTION;
import static org.trex.source.jooq.social_care.Tables.EVENT;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DataType;
import org.jooq.Table;

/**
 * The three kinds of file {@code trex load} takes, each with its national layout. Social care follows the
 * ASC-CLD specification's column names (as NHS England's and DHSC's public CLD code name them); spells follow
 * the SUS+ Admitted Patient Care data item names; the objection register is the council's own.
 */
public enum SourceKind {
    SOCIAL_CARE("social-care", List.of(
            required("LA_Code", TEXT),
            required("Reporting_Period_Start_Date", DATE),
            required("Reporting_Period_End_Date", DATE),
            required("LA_Person_Unique_Identifier", IDENTIFIER),
            optional("NHS_Number", NHS_NUMBER),
            required("Date_of_Birth", PERSONAL_DATE),
            optional("Date_of_Death", PERSONAL_DATE),
            required("Gender", CODE),
            required("Ethnicity", CODE),
            optional("Postcode", TEXT),
            optional("GP_Practice_Code", TEXT),
            required("Client_Type", CODE),
            optional("Primary_Support_Reason", CODE),
            optional("Accommodation_Status", CODE),
            required("Event_Type", CODE),
            required("Event_Reference", IDENTIFIER),
            required("Event_Start_Date", DATE),
            optional("Event_End_Date", DATE),
            optional("Event_Outcome", CODE),
            optional("Request_Route_of_Access", CODE),
            optional("Assessment_Type", TEXT),
            optional("Eligible_Needs_Identified", YES_NO),
            optional("Service_Type", CODE),
            optional("Service_Component", CODE),
            optional("Delivery_Mechanism", CODE),
            optional("Provider_CQC_Location_ID", TEXT),
            optional("Unit_Cost", DECIMAL),
            optional("Cost_Frequency_Unit_Type", CODE),
            optional("Planned_units_per_week", DECIMAL),
            optional("Review_Reason", TEXT),
            optional("Review_Outcomes_Achieved", TEXT)),
            // the rest of the CLD specification: accepted in a file, kept nowhere
            Set.of("LA_Name", "GP_Practice_Name", "Employment_Status", "Has_Unpaid_Carer",
                    "Autism_Spectrum_Disorder_ASD", "Visual_Impairment", "Hearing_Impairment", "Dementia",
                    "Client_Funding_Status", "Event_Description", "Method_of_Assessment", "Method_of_Review",
                    "Total_Hrs_Caring_per_week", "No_of_adults_being_cared_for", "Adult_1_Linked_Person_ID",
                    "Adult_2_Linked_Person_ID", "Adult_3_Linked_Person_ID", "Provider_CQC_Location_Name"),
            Optional.of("Event_Reference")),
    HOSPITAL("hospital", List.of(
            required("Hospital_Provider_Spell_Number", IDENTIFIER),
            optional("NHS_Number", NHS_NUMBER),
            required("Organisation_Code_Code_of_Provider", TEXT),
            optional("Person_Birth_Date", PERSONAL_DATE),
            required("Person_Stated_Gender_Code", CODE),
            required("Ethnic_Category", CODE),
            optional("Lower_Layer_Super_Output_Area", TEXT),
            required("Start_Date_Hospital_Provider_Spell", DATE),
            optional("Discharge_Date_Hospital_Provider_Spell", DATE),
            required("Admission_Method_Hospital_Provider_Spell", CODE),
            required("Source_of_Admission_Hospital_Provider_Spell", CODE),
            required("Patient_Classification_Code", CODE),
            required("Activity_Treatment_Function_Code", TEXT),
            optional("Discharge_Method_Hospital_Provider_Spell", CODE),
            optional("Discharge_Destination_Hospital_Provider_Spell", CODE),
            optional("Discharge_Ready_Date", DATE)),
            Set.of(),
            Optional.of("Hospital_Provider_Spell_Number")),
    OBJECTIONS("objections", List.of(
            required("LA_Person_Unique_Identifier", IDENTIFIER),
            required("Objection_Recorded_Date", DATE),
            optional("Objection_Withdrawn_Date", DATE),
            required("Objection_Received_Via", CODE)),
            Set.of(),
            Optional.empty());

    /** The period of a load that replaces the source whole: spells and objections without {@code --period}. */
    public static final String WHOLE = "all";

    private final String cliName;
    private final List<NationalColumn> columns;
    private final Set<String> acceptedUnused;
    private final Optional<String> reference;

    SourceKind(String cliName, List<NationalColumn> columns, Set<String> acceptedUnused, Optional<String> reference) {
        this.cliName = cliName;
        this.columns = columns;
        this.acceptedUnused = acceptedUnused;
        this.reference = reference;
    }

    /** The name {@code trex load} and mapping files use ({@code social-care}). */
    public String cliName() {
        return cliName;
    }

    /** The columns TREx keeps, in the layout's order. */
    public List<NationalColumn> columns() {
        return columns;
    }

    /** Columns of the national layout a file may hold that TREx does not keep. */
    public Set<String> acceptedUnused() {
        return acceptedUnused;
    }

    /** The column whose value names one record: a second row with it in the same period is a duplicate. */
    public Optional<String> reference() {
        return reference;
    }

    /**
     * {@code period}, given with {@code --period}, when it is a period of this kind's files, else refused: a label of
     * free text would let one file be loaded under two (2024-25 and 2024/25), each kept beside the other. Social care's
     * is the CLD submission's reporting period, as its rows state it; spells are loaded whole or by a reporting period
     * (a SUS extract's months or year), which they do not state; the objection register is the council's whole
     * register, and a withdrawn objection would stay in force under another label.
     */
    public String requirePeriod(String period) {
        requireNonNull(period, "period is null");
        Optional<ReportingPeriod> dates = ReportingPeriod.parse(period);
        String why = dates.filter(d -> !d.plausible())
                .map(d -> " (it runs " + d.days() + " days, where a period runs from " + ReportingPeriod.MIN_DAYS
                        + " days to a year)")
                .orElse("");
        String refused = "Cannot load " + cliName + " files: --period '" + period + "' is not ";
        String asDates = "its first and last days, YYYY-MM-DD/YYYY-MM-DD, such as " + ReportingPeriod.EXAMPLE;
        boolean isReportingPeriod = dates.filter(ReportingPeriod::plausible).isPresent();
        boolean taken = switch (this) {
            case SOCIAL_CARE -> isReportingPeriod;
            case HOSPITAL -> isReportingPeriod || period.equals(WHOLE);
            case OBJECTIONS -> period.equals(WHOLE);
        };
        if (!taken) {
            throw new IllegalArgumentException(refused + switch (this) {
                case SOCIAL_CARE -> "a CLD reporting period" + why + "; write it as " + asDates + ", as the files'"
                        + " Reporting_Period_Start_Date and Reporting_Period_End_Date give it, or leave --period out"
                        + " to take theirs";
                case HOSPITAL -> "a period of spells" + why + "; write it as " + asDates + ", or as " + WHOLE
                        + " (every spell, as without --period)";
                case OBJECTIONS -> "a period of the objection register, which is loaded whole; write it as " + WHOLE
                        + ", or leave --period out";
            });
        }
        return period;
    }

    /** The source tables whose rows a load of this kind writes: the tables an extract reads its rows from. */
    public List<Table<?>> tables() {
        return switch (this) {
            case SOCIAL_CARE -> List.of(PERSON, EVENT);
            case HOSPITAL -> List.of(INPATIENT_SPELL);
            case OBJECTIONS -> List.of(LOCAL_OBJECTION);
        };
    }

    /** The digits a number is kept in, in all and after the point: its source column's {@code numeric(p, s)}. */
    record Digits(int precision, int scale) {
    }

    /** How a {@link ColumnKind#DECIMAL} column is kept: a number it cannot hold is quarantined, not a load failed. */
    Digits digits(String column) {
        DataType<?> type = switch (column) {
            case "Unit_Cost" -> EVENT.UNIT_COST.getDataType();
            case "Planned_units_per_week" -> EVENT.PLANNED_UNITS_PER_WEEK.getDataType();
            default -> throw new IllegalArgumentException("Cannot find the digits of " + column + ": it is not a"
                    + " number of the " + cliName + " layout");
        };
        return new Digits(type.precision(), type.scale());
    }

    /** The position of a column in {@link #columns()}. */
    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Cannot find column " + column + " in the " + cliName + " layout");
    }

    /** The kind named {@code name} on the command line. */
    public static SourceKind of(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("Cannot load " + name + ": expected one of "
                        + Arrays.stream(values()).map(SourceKind::cliName).toList()));
    }
}
