package org.trex.bench;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.trex.nhs.NhsNumber;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;

/**
 * Fills an empty source database with {@code rows} hospital spells for the benchmark, past the synthetic
 * generator's limit: the valid 999-range NHS numbers are reused cyclically, so people have several spells.
 * Every spell is a live discharge of someone 65 or over in the bench spec's window, so its cohort keeps
 * nearly all rows. Opt-outs are minimal but real: one current national list check, a national opt-out for
 * one number in {@value #NATIONAL_OPT_OUT_EVERY} and a local objection for one in {@value #LOCAL_OBJECTION_EVERY}.
 */
public final class BenchLoader {
    /**
     * Valid numbers in the 999 test range: one per nine-digit prefix with a check digit (not 10), but 9999999999, a
     * placeholder.
     */
    public static final int NUMBER_CAPACITY = 909_090;
    /** The as-of date a bench run uses: the window ends 2025-03-31 and the national list is current then. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final int NATIONAL_OPT_OUT_EVERY = 50;
    static final int LOCAL_OBJECTION_EVERY = 1_000;
    private static final LocalDate LIST_DATE = LocalDate.of(2025, 6, 1);
    private static final int WINDOW_START = (int) LocalDate.of(2024, 4, 1).toEpochDay();
    private static final int WINDOW_DAYS = 365;
    private static final int BORN_FROM = (int) LocalDate.of(1925, 1, 1).toEpochDay();
    private static final int BORN_DAYS = (int) (LocalDate.of(1958, 12, 31).toEpochDay() - BORN_FROM);
    private static final int FLUSH_AT = 1 << 20;

    private BenchLoader() {
    }

    /** What the loader put in the database. */
    public record Loaded(long spells, int distinctNumbers, Duration took) {
        public Loaded {
            requireNonNull(took, "took is null");
        }
    }

    /** Migrates an empty database and loads {@code rows} spells; deterministic for a given seed. */
    public static Loaded load(DatabaseUrl url, long rows, long seed) {
        requireNonNull(url, "url is null");
        if (rows < 1) {
            throw new IllegalArgumentException("Cannot load " + rows + " bench rows: give 1 or more");
        }
        long started = System.nanoTime();
        SourceSchema.migrate(url);
        int people = (int) Math.min(rows, NUMBER_CAPACITY);
        String[] numbers = numbers(people);
        try (Connection connection = url.connect()) {
            refuseIfNotEmpty(connection, url);
            List<ForeignKey> foreignKeys = foreignKeys(connection);
            try (Statement statement = connection.createStatement()) {
                // The loader's own rows need no index while they stream in; they are rebuilt once at the end.
                statement.execute("DROP INDEX IF EXISTS health.inpatient_spell_nhs_number, "
                        + "health.inpatient_spell_discharge_date, health.inpatient_spell_link_key");
                // Checked row by row, the spells' foreign keys cost most of the load; re-added, each is one join.
                for (ForeignKey key : foreignKeys) {
                    statement.execute("ALTER TABLE health.inpatient_spell DROP CONSTRAINT " + key.quotedName());
                }
            }
            int optedOut = (people + NATIONAL_OPT_OUT_EVERY - 1) / NATIONAL_OPT_OUT_EVERY;
            copy(connection, "COPY opt_out.national_data_opt_out_check (list_date, numbers_sent, numbers_returned, "
                    + "loaded_at) FROM STDIN",
                    new Rows(LIST_DATE + "\t" + people + "\t" + (people - optedOut) + "\tnow\n"));
            // The allow list: every number sent but those that opted out.
            copy(connection, "COPY opt_out.national_data_allow_list (list_date, nhs_number) FROM STDIN", out -> {
                for (int p = 0; p < people; p++) {
                    if (p % NATIONAL_OPT_OUT_EVERY != 0) {
                        out.append(LIST_DATE.toString()).append('\t').append(NhsNumber.normalise(numbers[p]))
                                .append('\n');
                    }
                }
            });
            copy(connection, "COPY social_care.person (person_id, council_code, council_person_id, nhs_number,"
                    + " nhs_number_trace_status, date_of_birth, gender, ethnicity, client_type) FROM STDIN", out -> {
                for (int p = LOCAL_OBJECTION_EVERY / 2; p < people; p += LOCAL_OBJECTION_EVERY) {
                    out.append(Integer.toString(p)).append("\tE06000016\tB").append(Integer.toString(p)).append('\t')
                            .append(numbers[p]).append("\tmatched\t")
                            .append(LocalDate.ofEpochDay(birth(seed, p)).toString())
                            .append("\tFemale\tWhite: English, Welsh, Scottish, "
                                    + "Northern Irish or British\tService user\n");
                }
            });
            copy(connection, "COPY opt_out.local_objection (objection_id, person_id, recorded_date, received_via)"
                    + " FROM STDIN", out -> {
                for (int p = LOCAL_OBJECTION_EVERY / 2; p < people; p += LOCAL_OBJECTION_EVERY) {
                    out.append(Integer.toString(p)).append('\t').append(Integer.toString(p))
                            .append("\t2023-05-01\tLetter\n");
                }
            });
            copy(connection, "COPY health.inpatient_spell (spell_id, nhs_number, provider_code, date_of_birth, sex,"
                    + " ethnic_category, admission_date, discharge_date, admission_method, admission_source,"
                    + " patient_classification, treatment_function, discharge_method, discharge_destination,"
                    + " discharge_ready_date) FROM STDIN", out -> spells(out, rows, numbers, seed));
            try (Statement statement = connection.createStatement()) {
                for (ForeignKey key : foreignKeys) {
                    statement.execute("ALTER TABLE health.inpatient_spell ADD CONSTRAINT " + key.quotedName() + " "
                            + key.definition());
                }
                statement.execute("CREATE INDEX inpatient_spell_nhs_number ON health.inpatient_spell (nhs_number)");
                statement.execute("CREATE INDEX inpatient_spell_discharge_date ON "
                        + "health.inpatient_spell (discharge_date)");
                statement.execute("CREATE INDEX inpatient_spell_link_key ON health.inpatient_spell"
                        + " ((replace(replace(nhs_number, ' ', ''), '-', '')))");
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot load bench rows into " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
        SettledTables.settle(url);
        return new Loaded(rows, people, Duration.ofNanos(System.nanoTime() - started));
    }

    /** One spell per row; a person's date of birth and sex depend on the person only, so repeats agree. */
    private static void spells(CopyText out, long rows, String[] numbers, long seed) throws SQLException {
        for (long i = 0; i < rows; i++) {
            int p = (int) (i % numbers.length);
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            int discharge = WINDOW_START + r.nextInt(WINDOW_DAYS);
            int stay = r.nextInt(15);
            int delay = r.nextDouble() < 0.85 ? 0 : Math.min(stay, 1 + r.nextInt(20));
            out.append(Long.toString(i + 1)).append('\t').append(numbers[p]).append("\tRWE\t")
                    .append(LocalDate.ofEpochDay(birth(seed, p)).toString())
                    .append(((p & 1) == 0) ? "\t2\tA\t" : "\t1\tA\t")
                    .append(LocalDate.ofEpochDay(discharge - stay).toString()).append('\t')
                    .append(LocalDate.ofEpochDay(discharge).toString())
                    .append("\t21\t19\t1\t300\t1\t19\t")
                    .append(LocalDate.ofEpochDay(discharge - delay).toString()).append('\n');
            out.flushIfFull();
        }
    }

    private static int birth(long seed, int person) {
        return BORN_FROM + new SplittableRandom(seed ^ (0xD1B54A32D192ED03L * (person + 1))).nextInt(BORN_DAYS);
    }

    /** The first {@code count} valid 999-range numbers in order of their nine-digit prefix. */
    static String[] numbers(int count) {
        String[] numbers = new String[count];
        int found = 0;
        for (int prefix = 0; found < count; prefix++) {
            String nine = "999" + String.format("%06d", prefix);
            String number = nine + NhsNumber.checkDigit(nine);
            // A prefix without a check digit gives eleven characters (a -1), which is no valid number.
            if (NhsNumber.isValidNormalised(number)) {
                numbers[found++] = number;
            }
        }
        return numbers;
    }

    private record ForeignKey(String quotedName, String definition) {
    }

    private static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT quote_ident(conname), pg_get_constraintdef(oid) FROM "
                        + "pg_constraint WHERE conrelid = 'health.inpatient_spell'::regclass AND contype = "
                        + "'f' ORDER BY conname")) {
            while (rows.next()) {
                keys.add(new ForeignKey(rows.getString(1), rows.getString(2)));
            }
        }
        return keys;
    }

    private static void refuseIfNotEmpty(Connection connection, DatabaseUrl url) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM health.inpatient_spell)"
                        + " OR EXISTS (SELECT 1 FROM opt_out.national_data_opt_out_check)")) {
            rows.next();
            if (rows.getBoolean(1)) {
                throw new DatabaseException("Cannot load bench rows into " + url.redacted()
                        + ": the source tables already hold rows; use an empty database");
            }
        }
    }

    private static void copy(Connection connection, String sql, RowSource source) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            CopyText text = new CopyText(copy);
            source.write(text);
            text.flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    @FunctionalInterface
    private interface RowSource {
        void write(CopyText out) throws SQLException;
    }

    private record Rows(String text) implements RowSource {
        @Override
        public void write(CopyText out) {
            out.append(text);
        }
    }

    /** COPY text rows gathered in a buffer and sent a megabyte at a time; the values are plain ASCII. */
    private static final class CopyText {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

        CopyText(CopyIn copy) {
            this.copy = copy;
        }

        CopyText append(String value) {
            buffer.append(value);
            return this;
        }

        CopyText append(char value) {
            buffer.append(value);
            return this;
        }

        void flushIfFull() throws SQLException {
            if (buffer.length() >= FLUSH_AT) {
                flush();
            }
        }

        void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.US_ASCII);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }
}
