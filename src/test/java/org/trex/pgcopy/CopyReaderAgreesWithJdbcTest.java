package org.trex.pgcopy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestSpark;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyReaderAgreesWithJdbcTest {
    static final String EVERY_TYPE = "SELECT * FROM copy_test.every_type";
    static final String SECRET = "Sw0rdfish-not-for-logs";

    DatabaseUrl url;
    SparkSession spark;

    @BeforeAll
    void createTables() throws SQLException {
        url = TestDatabase.fresh();
        spark = TestSpark.session();
        execute("CREATE SCHEMA copy_test",
                "CREATE TABLE copy_test.every_type (id bigint PRIMARY KEY, i4 integer, i2 smallint, flag boolean, "
                        + "f4 real, f8 double precision, amount numeric(10, 2), big numeric(30, 6), free numeric, "
                        + "label text, code varchar(10), padded char(5), free_char bpchar, d date, ts timestamp, "
                        + "tstz timestamptz)",
                // Every column NULL somewhere; negatives, dates before 2000 and 1970, multi-byte text.
                "INSERT INTO copy_test.every_type SELECT g, "
                        + "CASE WHEN g % 7 = 0 THEN NULL ELSE (g * 7919) % 100000 - 50000 END, "
                        + "CASE WHEN g % 11 = 0 THEN NULL ELSE g % 600 - 300 END, "
                        + "CASE g % 3 WHEN 0 THEN true WHEN 1 THEN false END, "
                        + "CASE WHEN g % 13 = 0 THEN NULL ELSE g / 7.0 - 20 END, "
                        + "CASE WHEN g % 17 = 0 THEN NULL ELSE g * pi() - 400 END, "
                        + "CASE WHEN g % 19 = 0 THEN NULL ELSE ((g * 37) % 20000 - 10000) / 100.0 END, "
                        + "CASE WHEN g % 23 = 0 THEN NULL ELSE (150 - g) * 123456789012.123456 END, "
                        + "CASE g % 5 WHEN 0 THEN NULL WHEN 1 THEN g / 7.0 WHEN 2 THEN -g * 10000000000000.5 "
                        + "WHEN 3 THEN 1e-25 * g ELSE g END, "
                        + "(ARRAY['Zoë', '東京', '', NULL, 'person ' || g, 'emoji 😀', 'O''Brien'])[g % 7 + 1], "
                        + "(ARRAY['A1', '', NULL, 'ÿ'])[g % 4 + 1], "
                        + "(ARRAY['ab', '', NULL, '東', 'abcde'])[g % 5 + 1], "
                        + "(ARRAY['x ', NULL, 'Zoë  '])[g % 3 + 1], "
                        + "CASE WHEN g % 29 = 0 THEN NULL ELSE DATE '2000-01-01' + (g * 97 - 15000) END, "
                        + "CASE WHEN g % 31 = 0 THEN NULL ELSE TIMESTAMP '2000-01-01' "
                        + "+ (g - 150) * INTERVAL '1234567.891234 seconds' END, "
                        + "CASE WHEN g % 37 = 0 THEN NULL ELSE TIMESTAMPTZ '2000-01-01 00:00:00+00' "
                        + "+ (g - 150) * INTERVAL '7654321.123456 seconds' END "
                        + "FROM generate_series(1, 300) g",
                "INSERT INTO copy_test.every_type (id, i4, i2, f4, f8, amount, big, free, label, d, ts, tstz) VALUES "
                        + "(1001, -2147483648, -32768, 'NaN', '-Infinity', -99999999.99, -0.000001, "
                        + "-12345678901234567890.123456789012345678999, '', DATE '1899-12-31', "
                        + "TIMESTAMP '1969-12-31 23:59:59.999999', "
                        + "TIMESTAMPTZ '1900-01-01 00:00:00+01'), "
                        + "(1002, 2147483647, 32767, 'Infinity', -0.0, 99999999.99, 0, 0.0000000000000000005, "
                        + "'Zoë 東京', DATE '1970-01-01', TIMESTAMP '2024-03-31 01:30:00', "
                        + "TIMESTAMPTZ '2024-10-27 01:30:00+00'), "
                        + "(1003, 0, 0, -0.0, 1e300, 0.01, 123456789012345678901234.123456, -0.0000000000000000005, "
                        + "'tab\tnew\nline', DATE '1969-12-31', TIMESTAMP '2024-10-27 01:30:00', NULL), "
                        + "(1004, NULL, NULL, NULL, NULL, NULL, NULL, 99999999999999999999.999999999999999999, "
                        + "NULL, DATE '1600-02-29', TIMESTAMP '1960-06-01 12:00:00.5', NULL)",
                "CREATE TABLE copy_test.growing (id bigint PRIMARY KEY, note text NOT NULL)",
                "INSERT INTO copy_test.growing SELECT g, 'row ' || g FROM generate_series(1, 100) g");
    }

    @Test
    void everyTypeReadsAsSparkJdbcReadsIt() {
        Dataset<Row> copied = copy(EVERY_TYPE, "id", 1, 300, 4);
        Dataset<Row> jdbc = jdbc(EVERY_TYPE, "id", 1, 300, 4);

        assertThat(fields(copied)).containsExactlyElementsOf(fields(jdbc));
        List<Row> rows = sorted(copied);
        assertThat(rows).hasSize(304).containsExactlyElementsOf(sorted(jdbc));
        Row special = rows.get(300);
        assertThat(special.getLong(0)).isEqualTo(1001);
        assertThat(special.getDecimal(8)).isEqualTo(new BigDecimal("-12345678901234567890.123456789012345679"));
        assertThat(special.<LocalDate>getAs("d")).isEqualTo(LocalDate.of(1899, 12, 31));
        assertThat(rows.get(301).getString(9)).isEqualTo("Zoë 東京");
    }

    @Test
    void expressionsTypeAsSparkJdbcTypesThem() {
        String query = "SELECT id, label || '!' AS shout, amount * 2 AS doubled, d - 1 AS day_before, "
                + "i2 + 1 AS next_i2, padded::varchar AS trimmed, round(f8) AS rounded, id::int AS small_id, "
                + "f4::float8 AS wide FROM copy_test.every_type";

        Dataset<Row> copied = copy(query, "small_id", 0, 2000, 3);
        Dataset<Row> jdbc = jdbc(query, "small_id", 0, 2000, 3);

        assertThat(fields(copied)).containsExactlyElementsOf(fields(jdbc));
        assertThat(sorted(copied)).containsExactlyElementsOf(sorted(jdbc));
    }

    @Test
    void timestampsWithoutZoneFollowTheJvmZoneAsSparkJdbcDoes() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/London"));
            String query = "SELECT id, d, ts, tstz FROM copy_test.every_type";
            List<Row> copied = sorted(copy(query, "id", 1, 300, 2));

            assertThat(copied).containsExactlyElementsOf(sorted(jdbc(query, "id", 1, 300, 2)));
            assertThat(copied.get(303).<Instant>getAs("ts")).isEqualTo(Instant.parse("1960-06-01T11:00:00.5Z"));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void noRowIsLostOrReadTwiceWhateverTheBounds() {
        String query = "SELECT id, note FROM copy_test.growing";
        for (long[] bounds : new long[][] {
                {10, 20, 3}, {1000, 2000, 4}, {-50, -10, 2}, {1, 3, 8}, {5, 5, 3}, {1, 100, 1}}) {
            Dataset<Row> copied = copy(query, "id", bounds[0], bounds[1], (int) bounds[2]);
            Dataset<Row> jdbc = jdbc(query, "id", bounds[0], bounds[1], (int) bounds[2]);

            List<Row> rows = sorted(copied);
            assertThat(rows).extracting(row -> row.getLong(0)).as("bounds %s..%s", bounds[0], bounds[1])
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
            assertThat(rows).containsExactlyElementsOf(sorted(jdbc));
            assertThat(copied.rdd().getNumPartitions()).isEqualTo(jdbc.rdd().getNumPartitions());
        }
    }

    @Test
    void everyPartitionReadsTheExportedSnapshot() throws SQLException {
        execute("CREATE TABLE copy_test.snapshotted (id bigint PRIMARY KEY, note text)",
                "INSERT INTO copy_test.snapshotted SELECT g, 'before' FROM generate_series(1, 60) g");
        String query = "SELECT * FROM copy_test.snapshotted";
        try (Connection exporter = url.connect()) {
            exporter.setAutoCommit(false);
            String snapshot;
            try (Statement statement = exporter.createStatement();
                    ResultSet result = statement.executeQuery("SELECT pg_export_snapshot()")) {
                result.next();
                snapshot = result.getString(1);
            }
            execute("INSERT INTO copy_test.snapshotted SELECT g, 'after' FROM generate_series(61, 90) g",
                    "UPDATE copy_test.snapshotted SET note = 'changed' WHERE id <= 10");

            List<Row> atSnapshot = sorted(reader(query, "id", 1, 90, 3).option("snapshot", snapshot).load());

            assertThat(atSnapshot).hasSize(60).allSatisfy(row -> assertThat(row.getString(1)).isEqualTo("before"));
            assertThat(copy(query, "id", 1, 90, 3).count()).isEqualTo(90);
            exporter.rollback();
        }
        assertThatThrownBy(() -> reader(query, "id", 1, 90, 3).option("snapshot", "1-2-3'; DROP TABLE x; --").load())
                .hasMessage("Cannot read with option snapshot: it is not a PostgreSQL exported snapshot ID "
                        + "such as 00000003-0000001B-1");
    }

    @Test
    void unsupportedTypesAndValuesAreRefusedByColumn() {
        assertThatThrownBy(() -> copy("SELECT 1 AS id, '{}'::jsonb AS j", "id", 0, 10, 2))
                .hasMessage("Cannot read column j: PostgreSQL type jsonb has no binary COPY decoder");
        assertThatThrownBy(() -> copy("SELECT 1::bigint AS id, 'infinity'::date AS d", "id", 0, 10, 1).collectAsList())
                .hasMessageContaining(
                        "Cannot read partition 1 of 1 from PostgreSQL: column d holds a date of infinity");
        assertThatThrownBy(() -> copy("SELECT 7::bigint AS id, 'NaN'::numeric AS n", "id", 0, 10, 2).collectAsList())
                .hasMessageContaining("Cannot read partition 2 of 2 from PostgreSQL: column n holds a numeric NaN");
        assertThatThrownBy(() -> copy("SELECT 1::bigint AS id, 12345678901234567890123::numeric AS n", "id", 0, 10, 1)
                        .collectAsList())
                .hasMessageContaining("column n holds a value with more digits than decimal(38,18)")
                .satisfies(e -> assertThat(everything(e)).doesNotContain("12345678901234567890123"));
        assertThatThrownBy(() -> copy("SELECT 1 AS id;", "id", 0, 10, 1))
                .hasMessageContaining("ends with a semicolon");
        assertThatThrownBy(() -> copy("SELECT 'x'::text AS id", "id", 0, 10, 1))
                .hasMessage("Cannot partition by id: it is text, not an integer");
    }

    @Test
    void passwordsStayOutOfErrorsAndPlans() {
        String unreachable = "jdbc:postgresql://127.0.0.1:1/nowhere?user=someone&password=" + SECRET;
        String wrongUser = url.jdbcUrl().replaceAll("([?&])(user|password)=[^&]*", "$1")
                + "&user=trex_nobody&password=" + SECRET;
        for (String bad : List.of(unreachable, wrongUser)) {
            assertThatThrownBy(() -> reader(EVERY_TYPE, "id", 1, 300, 2).option("url", bad).load())
                    .hasMessageStartingWith("Cannot read the columns of the query from PostgreSQL: ")
                    .satisfies(e -> assertThat(everything(e)).doesNotContain(SECRET));

            PgCopyOptions options = PgCopyOptions.from(java.util.Map.of("url", bad, "query", EVERY_TYPE,
                    "partitionColumn", "id", "lowerBound", "1", "upperBound", "300", "numPartitions", "3"));
            PgCopyReaderFactory factory =
                    new PgCopyReaderFactory(options, List.of(PgType.column("id", "int8", 19, 0)), "id");
            assertThat(factory.toString()).doesNotContain(SECRET);
            assertThatThrownBy(() -> factory.createReader(options.partitions().get(1)))
                    .hasMessageStartingWith("Cannot read partition 2 of 3 from PostgreSQL: ")
                    .satisfies(e -> assertThat(everything(e)).doesNotContain(SECRET));
        }

        Dataset<Row> copied = copy(EVERY_TYPE, "id", 1, 300, 2);
        String plans = copied.queryExecution().toString() + copied.queryExecution().executedPlan().toString();
        assertThat(plans).contains("partitions").doesNotContain(url.databaseName()).doesNotContain("jdbc:postgresql");
    }

    @Test
    void closingMidwayStopsTheServerReading() throws Exception {
        String application = "trex_copy_close_test";
        PgCopyOptions options = PgCopyOptions.from(java.util.Map.of(
                "url", url.jdbcUrl() + "&ApplicationName=" + application,
                "query", "SELECT g::bigint AS id, repeat('x', 100) AS filler FROM generate_series(1, 20000000) g",
                "partitionColumn", "id", "lowerBound", "1", "upperBound", "2", "numPartitions", "1"));
        PgCopyReader reader = (PgCopyReader) new PgCopyReaderFactory(options,
                List.of(PgType.column("id", "int8", 19, 0), PgType.column("filler", "text", 0, 0)), "id")
                .createReader(options.partitions().get(0));
        assertThat(reader.next()).isTrue();
        assertThat(reader.get().getLong(0)).isEqualTo(1);

        reader.close();

        long deadline = System.nanoTime() + 10_000_000_000L;
        long backends;
        do {
            Thread.sleep(50);
            backends = count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + application + "'");
        } while (backends > 0 && System.nanoTime() < deadline);
        assertThat(backends).isZero();
        assertThat(reader.next()).isFalse();
    }

    private DataFrameReader reader(String query, String column, long lower, long upper, int partitions) {
        return spark.read().format(PgCopySource.class.getName())
                .option("url", url.jdbcUrl())
                .option("query", query)
                .option("partitionColumn", column)
                .option("lowerBound", lower)
                .option("upperBound", upper)
                .option("numPartitions", partitions);
    }

    private Dataset<Row> copy(String query, String column, long lower, long upper, int partitions) {
        return reader(query, column, lower, upper, partitions).load();
    }

    private Dataset<Row> jdbc(String query, String column, long lower, long upper, int partitions) {
        Properties properties = new Properties();
        properties.setProperty("driver", "org.postgresql.Driver");
        return spark.read().jdbc(url.jdbcUrl(), "(" + query + ") AS src", column, lower, upper, partitions, properties);
    }

    /** Name, type and nullability: Spark JDBC also leaves its own bookkeeping in field metadata. */
    private static List<String> fields(Dataset<Row> rows) {
        List<String> fields = new ArrayList<>();
        for (StructField field : rows.schema().fields()) {
            fields.add(field.name() + " " + field.dataType().simpleString()
                    + (field.nullable() ? " NULL" : " NOT NULL"));
        }
        return fields;
    }

    private static List<Row> sorted(Dataset<Row> rows) {
        List<Row> list = new ArrayList<>(rows.collectAsList());
        list.sort(Comparator.comparingLong(row -> ((Number) row.get(0)).longValue()));
        return list;
    }

    /** Message, causes and stack trace, as Spark's task failure text carries them all. */
    private static String everything(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = url.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
