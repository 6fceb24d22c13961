package org.trex.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.trex.nhs.NhsNumber;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;

/** Hand-made source rows for tests that need to know exactly who is in the data. */
public final class SourceFixture implements AutoCloseable {
    private final Connection connection;
    private final Statistics statistics;
    private final AtomicLong ids = new AtomicLong(1000);

    /** Whether closing the fixture analyses the tables. */
    private enum Statistics { ANALYSE, LEAVE_UNANALYSED }

    private SourceFixture(Connection connection, Statistics statistics) {
        this.connection = connection;
        this.statistics = statistics;
    }

    /** Migrates the database and opens a fixture on it; closing it analyses the tables. */
    public static SourceFixture on(DatabaseUrl url) {
        SourceSchema.migrate(url);
        return new SourceFixture(url.connect(), Statistics.ANALYSE);
    }

    /** A fixture that leaves the tables as a load by hand would: never analysed. */
    public static SourceFixture unanalysed(DatabaseUrl url) {
        SourceSchema.migrate(url);
        return new SourceFixture(url.connect(), Statistics.LEAVE_UNANALYSED);
    }

    /** A council person record; returns its person_id. */
    public long person(String nhsNumber, LocalDate dateOfBirth, String postcode) throws SQLException {
        long id = ids.incrementAndGet();
        execute("INSERT INTO social_care.person (person_id, council_code, council_person_id, nhs_number, "
                + "nhs_number_trace_status, date_of_birth, gender, ethnicity, postcode, client_type) "
                + "VALUES (?, 'E06000016', ?, ?, 'matched', ?, 'Female', 'No data: Refused', ?, 'Service user')",
                id, "CP" + id, nhsNumber, dateOfBirth, postcode);
        return id;
    }

    /** A hospital spell of a person aged about 80, discharged alive on the given date; returns its spell_id. */
    public long spell(String nhsNumber, LocalDate admitted, LocalDate discharged, LocalDate ready) throws SQLException {
        long id = ids.incrementAndGet();
        execute("INSERT INTO health.inpatient_spell (spell_id, nhs_number, provider_code, date_of_birth, sex, "
                + "ethnic_category, admission_date, discharge_date, admission_method, admission_source, "
                + "patient_classification, treatment_function, discharge_method, discharge_destination, "
                + "discharge_ready_date) VALUES (?, ?, 'RWE', ?, '2', 'A', ?, ?, '21', '19', '1', '300', '1', '19', ?)",
                id, nhsNumber, LocalDate.of(1944, 3, 10), admitted, discharged, ready);
        return id;
    }

    /**
     * A hospital spell like {@link #spell(String, LocalDate, LocalDate, LocalDate)} (no ready date), with columns
     * changed by {@code column=value} pairs ({@code treatment_function=501}; {@code nhs_number=} for blank).
     */
    public long spellWith(String nhsNumber, LocalDate admitted, LocalDate discharged, String... changes)
            throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        long id = ids.incrementAndGet();
        columns.put("spell_id", id);
        columns.put("nhs_number", nhsNumber);
        columns.put("provider_code", "RWE");
        columns.put("date_of_birth", LocalDate.of(1944, 3, 10));
        columns.put("sex", "2");
        columns.put("ethnic_category", "A");
        columns.put("admission_date", admitted);
        columns.put("discharge_date", discharged);
        columns.put("admission_method", "21");
        columns.put("admission_source", "19");
        columns.put("patient_classification", "1");
        columns.put("treatment_function", "300");
        columns.put("discharge_method", "1");
        columns.put("discharge_destination", "19");
        for (String change : changes) {
            String[] pair = change.split("=", 2);
            if (pair.length != 2 || !columns.containsKey(pair[0])) {
                throw new IllegalArgumentException("Cannot change spell column " + change
                        + ": expected column=value, one of " + columns.keySet());
            }
            columns.put(pair[0], pair[1].isEmpty() ? null
                    : pair[0].contains("date") ? LocalDate.parse(pair[1]) : pair[1]);
        }
        execute("INSERT INTO health.inpatient_spell (" + String.join(", ", columns.keySet()) + ") VALUES ("
                + String.join(", ", columns.keySet().stream().map(c -> "?").toList()) + ")",
                columns.values().toArray());
        return id;
    }

    /** A council person record of a service user with this NHS number, born in 1944; returns its person_id. */
    public long person(String nhsNumber) throws SQLException {
        return person(nhsNumber, LocalDate.of(1944, 3, 10), "LS1 4AP");
    }

    /** Records a person's death. */
    public void died(long personId, LocalDate on) throws SQLException {
        execute("UPDATE social_care.person SET date_of_death = ? WHERE person_id = ?", on, personId);
    }

    /** An ST-Max reablement service for a person ({@code end} null: ongoing). */
    public long reablement(long personId, LocalDate start, LocalDate end) throws SQLException {
        return service(personId, "Short term support: ST-Max", "Reablement", start, end);
    }

    /** The {@code n}th valid NHS number of the 999 range (never issued to a patient), n from 1. */
    public static String nhsNumber(int n) {
        int found = 0;
        for (long candidate = 999_000_000L; ; candidate++) {
            for (int check = 0; check <= 9; check++) {
                String number = candidate + Integer.toString(check);
                if (NhsNumber.isValidNormalised(number) && ++found == n) {
                    return number;
                }
            }
        }
    }

    /** A social care service for a person. */
    public long service(long personId, String serviceType, String component, LocalDate start, LocalDate end)
            throws SQLException {
        long id = ids.incrementAndGet();
        execute("INSERT INTO social_care.event (event_id, person_id, event_type, event_reference, event_start_date, "
                + "event_end_date, service_type, service_component) VALUES (?, ?, 'Service', ?, ?, ?, ?, ?)",
                id, personId, "EV" + id, start, end, serviceType, component);
        return id;
    }

    /** A local objection, optionally withdrawn. */
    public void objection(long personId, LocalDate recorded, LocalDate withdrawn) throws SQLException {
        execute("INSERT INTO opt_out.local_objection (objection_id, person_id, recorded_date, withdrawn_date, "
                + "received_via) VALUES (?, ?, ?, ?, 'Letter')", ids.incrementAndGet(), personId, recorded, withdrawn);
    }

    /**
     * The national data opt-out check of a date, as the service would answer a request of every valid number now in
     * the source: an allow list of them all but {@code optedOut}.
     */
    public void nationalList(LocalDate listDate, String... optedOut) throws SQLException {
        Set<String> sent = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT nhs_number FROM social_care.person"
                + " UNION SELECT nhs_number FROM health.inpatient_spell"
                + " UNION SELECT nhs_number FROM health.gp_registration");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                NhsNumber.tryParse(rows.getString(1)).ifPresent(n -> sent.add(n.digits()));
            }
        }
        Set<String> allowed = new TreeSet<>(sent);
        allowed.removeAll(List.of(optedOut));
        allowList(listDate, sent.size(), allowed);
    }

    /** An allow list of exactly these normalised numbers, for a check of the given date that sent {@code sent}. */
    public void allowList(LocalDate listDate, int sent, Collection<String> allowed) throws SQLException {
        execute("INSERT INTO opt_out.national_data_opt_out_check (list_date, numbers_sent, numbers_returned, loaded_at)"
                + " VALUES (?, ?, ?, now())", listDate, sent, allowed.size());
        for (String number : allowed) {
            execute("INSERT INTO opt_out.national_data_allow_list (list_date, nhs_number) VALUES (?, ?)",
                    listDate, number);
        }
    }

    /** A Type 1 opt-out code (9Nu0 dissent, 9Nu1 withdrawn) recorded at the GP practice. */
    public void gpCode(String nhsNumber, String code, LocalDate recorded) throws SQLException {
        execute("INSERT INTO health.gp_opt_out_record (record_id, nhs_number, code, recorded_date) VALUES (?, ?, ?, ?)",
                ids.incrementAndGet(), nhsNumber, code, recorded);
    }

    /** A GP registration. */
    public void gpRegistration(String nhsNumber, LocalDate from) throws SQLException {
        execute("INSERT INTO health.gp_registration (registration_id, nhs_number, practice_code, registered_from) "
                + "VALUES (?, ?, 'C82001', ?)", ids.incrementAndGet(), nhsNumber, from);
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        // Leaves the tables analysed, as trex load and trex generate do, so plans and runs see loaded data.
        if (statistics == Statistics.ANALYSE) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
        }
        connection.close();
    }
}
