package org.trex.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Builds small social care, spell and objection files for tests: valid rows, changed where a test says. */
public final class CldFile {
    /** A valid NHS number in the 999 test range. */
    public static final String NHS_NUMBER = "9990000018";
    /** Another valid one. */
    public static final String OTHER_NHS_NUMBER = "9990000026";

    private final SourceKind kind;
    private final List<Map<String, String>> rows = new ArrayList<>();

    private CldFile(SourceKind kind) {
        this.kind = kind;
    }

    public static CldFile socialCare() {
        return new CldFile(SourceKind.SOCIAL_CARE);
    }

    public static CldFile hospital() {
        return new CldFile(SourceKind.HOSPITAL);
    }

    public static CldFile objections() {
        return new CldFile(SourceKind.OBJECTIONS);
    }

    /** A valid row for person {@code person} and reference {@code reference}, with {@code changes} applied. */
    public CldFile row(String person, String reference, Map<String, String> changes) {
        Map<String, String> row = new LinkedHashMap<>(switch (kind) {
            case SOCIAL_CARE -> socialCareRow(person, reference);
            case HOSPITAL -> spellRow(reference);
            case OBJECTIONS -> objectionRow(person);
        });
        row.putAll(changes);
        rows.add(row);
        return this;
    }

    public CldFile row(String person, String reference) {
        return row(person, reference, Map.of());
    }

    public Path write(Path file) {
        List<String> header = new ArrayList<>(kind.columns().stream().map(NationalColumn::name).toList());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get()
                        .print(writer)) {
            for (Map<String, String> row : rows) {
                printer.printRecord(header.stream().map(c -> row.getOrDefault(c, "")).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static Map<String, String> socialCareRow(String person, String reference) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("LA_Code", "E08000026");
        row.put("Reporting_Period_Start_Date", "2024-04-01");
        row.put("Reporting_Period_End_Date", "2025-03-31");
        row.put("LA_Person_Unique_Identifier", person);
        row.put("NHS_Number", NHS_NUMBER);
        row.put("Date_of_Birth", "1940-05-01");
        row.put("Gender", "Female");
        row.put("Ethnicity", "White: English, Welsh, Scottish, Northern Irish or British");
        row.put("Postcode", "CV1 2AB");
        row.put("Client_Type", "Service user");
        row.put("Primary_Support_Reason", "Physical support: Personal care support");
        row.put("Event_Type", "Service");
        row.put("Event_Reference", reference);
        row.put("Event_Start_Date", "2024-05-01");
        row.put("Event_End_Date", "2024-06-01");
        row.put("Service_Type", "Short term support: ST-Max");
        row.put("Service_Component", "Reablement");
        row.put("Delivery_Mechanism", "CASSR commissioned support");
        return row;
    }

    private static Map<String, String> spellRow(String reference) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("Hospital_Provider_Spell_Number", reference);
        row.put("NHS_Number", NHS_NUMBER);
        row.put("Organisation_Code_Code_of_Provider", "RKB");
        row.put("Person_Birth_Date", "1940-05-01");
        row.put("Person_Stated_Gender_Code", "2");
        row.put("Ethnic_Category", "A");
        row.put("Start_Date_Hospital_Provider_Spell", "2024-05-01");
        row.put("Discharge_Date_Hospital_Provider_Spell", "2024-05-10");
        row.put("Admission_Method_Hospital_Provider_Spell", "21");
        row.put("Source_of_Admission_Hospital_Provider_Spell", "19");
        row.put("Patient_Classification_Code", "1");
        row.put("Activity_Treatment_Function_Code", "300");
        row.put("Discharge_Method_Hospital_Provider_Spell", "1");
        row.put("Discharge_Destination_Hospital_Provider_Spell", "19");
        row.put("Discharge_Ready_Date", "2024-05-08");
        return row;
    }

    private static Map<String, String> objectionRow(String person) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("LA_Person_Unique_Identifier", person);
        row.put("Objection_Recorded_Date", "2024-07-01");
        row.put("Objection_Received_Via", "Letter");
        return row;
    }
}
