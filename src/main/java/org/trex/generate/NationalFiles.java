package org.trex.generate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trex.load.CouncilCode;
import org.trex.load.NationalColumn;
import org.trex.load.SourceKind;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/**
 * The generated population as a council holds it in files: its ASC-CLD submissions (one file per reporting year),
 * the SUS APC spells its ICB sends, and its objection register, in the national layouts {@code trex load} reads,
 * with the mess real files have: a byte order mark and CRLF line ends, quoted commas, some Release 1 wording (the
 * shipped Release 1 mapping turns it into Release 2), dates in {@code dd/MM/yyyy} as well as ISO, and a few rows
 * that must be quarantined (an unknown code, an impossible date, an end before its start, one event sent twice).
 * The rows written are then removed from the database, which keeps what no file brings (GP registrations, opt-out
 * lists): loading the files puts the population back as a council's load would.
 */
public final class NationalFiles {
    /** The LA code the council's CLD files state, to load them as the council would, held to its own. */
    public static final CouncilCode COUNCIL_CODE = new CouncilCode(CouncilRecords.COUNCIL_CODE);
    /** Share of rows whose dates are written {@code dd/MM/yyyy}. */
    static final double UK_DATE_RATE = 0.10;
    /** Share of social care rows written in Release 1 wording. */
    static final double RELEASE_1_RATE = 0.02;
    /** Rows of each kind of file broken on purpose, each in its own way. */
    static final int BROKEN_ROWS = 2;

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Release 2 values and their Release 1 wording, as mappings/cld-release-1.yaml maps them back. */
    private static final Map<String, Map<String, String>> RELEASE_1 = Map.of(
            "Client_Type", Map.of("Service user", "Service User"),
            "Service_Type", Map.of("Long term support: Nursing care", "Long Term Support: Nursing Care",
                    "Long term support: Residential care", "Long Term Support: Residential Care",
                    "Long term support: Community", "Long Term Support: Community",
                    "Short term support: ST-Max", "Short Term Support: ST-Max"),
            "Delivery_Mechanism", Map.of("CASSR commissioned support", "CASSR Commissioned Support",
                    "Direct payment", "Direct Payment"));

    private static final String CLD_SQL = """
            SELECT p.council_code, p.council_person_id, p.nhs_number, p.date_of_birth, p.date_of_death, p.gender,
                   p.ethnicity, p.postcode, p.gp_practice_code, p.client_type, p.primary_support_reason,
                   p.accommodation_status, e.event_type, e.event_reference, e.event_start_date, e.event_end_date,
                   e.event_outcome, e.route_of_access, e.assessment_type,
                   CASE e.eligible_needs WHEN true THEN 'Yes' WHEN false THEN 'No' END,
                   e.service_type, e.service_component, e.delivery_mechanism, e.provider_location_id, e.unit_cost,
                   e.cost_frequency, e.planned_units_per_week, e.review_reason, e.review_outcome
              FROM social_care.event e JOIN social_care.person p USING (person_id)
             ORDER BY e.event_id""";
    private static final List<String> CLD_COLUMNS = List.of("LA_Code", "LA_Person_Unique_Identifier", "NHS_Number",
            "Date_of_Birth", "Date_of_Death", "Gender", "Ethnicity", "Postcode", "GP_Practice_Code", "Client_Type",
            "Primary_Support_Reason", "Accommodation_Status", "Event_Type", "Event_Reference", "Event_Start_Date",
            "Event_End_Date", "Event_Outcome", "Request_Route_of_Access", "Assessment_Type",
            "Eligible_Needs_Identified", "Service_Type", "Service_Component", "Delivery_Mechanism",
            "Provider_CQC_Location_ID", "Unit_Cost", "Cost_Frequency_Unit_Type", "Planned_units_per_week",
            "Review_Reason", "Review_Outcomes_Achieved");
    private static final String SPELL_SQL = """
            SELECT 'SP' || spell_id, nhs_number, provider_code, date_of_birth, sex, ethnic_category, lsoa,
                   admission_date, discharge_date, admission_method, admission_source, patient_classification,
                   treatment_function, discharge_method, discharge_destination, discharge_ready_date
              FROM health.inpatient_spell ORDER BY spell_id""";
    private static final List<String> SPELL_COLUMNS = List.of("Hospital_Provider_Spell_Number", "NHS_Number",
            "Organisation_Code_Code_of_Provider", "Person_Birth_Date", "Person_Stated_Gender_Code", "Ethnic_Category",
            "Lower_Layer_Super_Output_Area", "Start_Date_Hospital_Provider_Spell",
            "Discharge_Date_Hospital_Provider_Spell", "Admission_Method_Hospital_Provider_Spell",
            "Source_of_Admission_Hospital_Provider_Spell", "Patient_Classification_Code",
            "Activity_Treatment_Function_Code", "Discharge_Method_Hospital_Provider_Spell",
            "Discharge_Destination_Hospital_Provider_Spell", "Discharge_Ready_Date");
    private static final String OBJECTION_SQL = """
            SELECT p.council_person_id, o.recorded_date, o.withdrawn_date, o.received_via
              FROM opt_out.local_objection o JOIN social_care.person p USING (person_id)
             ORDER BY o.objection_id""";
    private static final List<String> OBJECTION_COLUMNS = List.of("LA_Person_Unique_Identifier",
            "Objection_Recorded_Date", "Objection_Withdrawn_Date", "Objection_Received_Via");

    private NationalFiles() {
    }

    /** The files written: social care by reporting period (oldest first), then spells and objections. */
    public record Written(List<Path> socialCare, Path hospital, Path objections) {
        public Written {
            socialCare = List.copyOf(requireNonNull(socialCare, "socialCare is null"));
            requireNonNull(hospital, "hospital is null");
            requireNonNull(objections, "objections is null");
        }
    }

    /** Writes the files into {@code folder} (created if missing) and removes their rows from the database. */
    public static Written write(DatabaseUrl url, Path folder, long seed) {
        requireNonNull(url, "url is null");
        requireNonNull(folder, "folder is null");
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EEDF11EL);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create folder " + folder + ": " + e.getMessage(), e);
        }
        try (Connection connection = url.connect()) {
            connection.setAutoCommit(false);
            Written written = new Written(socialCare(connection, folder, random),
                    spells(connection, folder.resolve("apc-spells.csv"), random),
                    objections(connection, folder.resolve("objection-register.csv"), random));
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM opt_out.local_objection; DELETE FROM social_care.event;"
                        + " DELETE FROM social_care.person; DELETE FROM health.inpatient_spell");
            }
            connection.commit();
            return written;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot write the generated records as files from " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }

    /** One file per reporting year (April to March), each event in the year it started. */
    private static List<Path> socialCare(Connection connection, Path folder, SplittableRandom random)
            throws SQLException {
        Map<Integer, List<String[]>> byYear = new TreeMap<>();
        int startColumn = CLD_COLUMNS.indexOf("Event_Start_Date");
        select(connection, CLD_SQL, CLD_COLUMNS.size(), row -> {
            LocalDate start = LocalDate.parse(row[startColumn]);
            byYear.computeIfAbsent(start.getMonthValue() >= 4 ? start.getYear() : start.getYear() - 1,
                    y -> new ArrayList<>()).add(row);
        });
        List<Path> files = new ArrayList<>();
        for (Map.Entry<Integer, List<String[]>> year : byYear.entrySet()) {
            int from = year.getKey();
            List<Map<String, String>> rows = new ArrayList<>();
            for (String[] values : year.getValue()) {
                Map<String, String> row = named(CLD_COLUMNS, values);
                row.put("Reporting_Period_Start_Date", LocalDate.of(from, 4, 1).toString());
                row.put("Reporting_Period_End_Date", LocalDate.of(from + 1, 3, 31).toString());
                if (random.nextDouble() < RELEASE_1_RATE) {
                    RELEASE_1.forEach((column, wording) -> row.computeIfPresent(column,
                            (c, value) -> wording.getOrDefault(value, value)));
                }
                ukDates(row, random, "Date_of_Birth", "Date_of_Death", "Event_Start_Date", "Event_End_Date");
                rows.add(row);
            }
            breakRows(rows, random, "Gender", "Not known to us", "Event_Start_Date", "Event_End_Date");
            // the same event sent twice: the second is quarantined as a duplicate reference
            rows.add(rows.get(random.nextInt(rows.size())));
            Path file = folder.resolve(String.format("cld-%d-%02d.csv", from, (from + 1) % 100));
            write(file, SourceKind.SOCIAL_CARE, rows, Layout.BOM_CRLF);
            files.add(file);
        }
        return files;
    }

    private static Path spells(Connection connection, Path file, SplittableRandom random) throws SQLException {
        List<Map<String, String>> rows = rows(connection, SPELL_SQL, SPELL_COLUMNS, random, "Person_Birth_Date",
                "Start_Date_Hospital_Provider_Spell", "Discharge_Date_Hospital_Provider_Spell", "Discharge_Ready_Date");
        breakRows(rows, random, "Admission_Method_Hospital_Provider_Spell", "99",
                "Start_Date_Hospital_Provider_Spell", "Discharge_Date_Hospital_Provider_Spell");
        write(file, SourceKind.HOSPITAL, rows, Layout.LF);
        return file;
    }

    private static Path objections(Connection connection, Path file, SplittableRandom random) throws SQLException {
        List<Map<String, String>> rows = rows(connection, OBJECTION_SQL, OBJECTION_COLUMNS, random,
                "Objection_Recorded_Date", "Objection_Withdrawn_Date");
        write(file, SourceKind.OBJECTIONS, rows, Layout.CRLF);
        return file;
    }

    /**
     * Breaks {@link #BROKEN_ROWS} rows each way: an unknown code in {@code codeColumn}, {@code end} the day before
     * {@code start}, and an impossible date in {@code start}. Copies are broken, so a row sent twice stays whole.
     */
    private static void breakRows(List<Map<String, String>> rows, SplittableRandom random, String codeColumn,
            String unknownCode, String start, String end) {
        if (rows.size() < 3 * BROKEN_ROWS) {
            return;
        }
        for (int i = 0; i < BROKEN_ROWS; i++) {
            broken(rows, random).put(codeColumn, unknownCode);
            Map<String, String> reversed = broken(rows, random);
            reversed.put(end, LocalDate.parse(iso(reversed.get(start))).minusDays(1).toString());
            // last, so no row broken this way is read as a date again above
            broken(rows, random).put(start, "31/02/2024");
        }
    }

    private static Map<String, String> broken(List<Map<String, String>> rows, SplittableRandom random) {
        int at = random.nextInt(rows.size());
        Map<String, String> copy = new HashMap<>(rows.get(at));
        rows.set(at, copy);
        return copy;
    }

    private static String iso(String date) {
        return date.contains("/") ? LocalDate.parse(date, UK).toString() : date;
    }

    private static void ukDates(Map<String, String> row, SplittableRandom random, String... columns) {
        if (random.nextDouble() < UK_DATE_RATE) {
            for (String column : columns) {
                row.computeIfPresent(column, (c, value) -> LocalDate.parse(value).format(UK));
            }
        }
    }

    /**
     * The rows of {@code sql} by column name, in the order it gives them, each with its dates in {@code dateColumns}
     * written {@code dd/MM/yyyy} by one draw from {@code random} per row.
     */
    private static List<Map<String, String>> rows(Connection connection, String sql, List<String> columns,
            SplittableRandom random, String... dateColumns) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        select(connection, sql, columns.size(), values -> {
            Map<String, String> row = named(columns, values);
            ukDates(row, random, dateColumns);
            rows.add(row);
        });
        return rows;
    }

    /** Hands each row of {@code sql}, its first {@code count} columns as text, to {@code each} as it is read. */
    private static void select(Connection connection, String sql, int count, Consumer<String[]> each)
            throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                each.accept(values(rows, count));
            }
        }
    }

    private static String[] values(ResultSet rows, int count) throws SQLException {
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            values[i] = rows.getString(i + 1);
        }
        return values;
    }

    private static Map<String, String> named(List<String> columns, String[] values) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (values[i] != null) {
                row.put(columns.get(i), values[i]);
            }
        }
        return row;
    }

    /** How a file's bytes are laid out. */
    private enum Layout {
        BOM_CRLF, CRLF, LF
    }

    private static void write(Path file, SourceKind kind, List<Map<String, String>> rows, Layout layout) {
        String[] header = kind.columns().stream().map(NationalColumn::name).toArray(String[]::new);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header)
                .setRecordSeparator(layout == Layout.LF ? "\n" : "\r\n").get();
        try (OutputStream out = Files.newOutputStream(file);
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            if (layout == Layout.BOM_CRLF) {
                writer.write('\uFEFF');
            }
            try (CSVPrinter printer = format.print(writer)) {
                for (Map<String, String> row : rows) {
                    List<String> values = new ArrayList<>(header.length);
                    for (String column : header) {
                        values.add(row.getOrDefault(column, ""));
                    }
                    printer.printRecord(values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
