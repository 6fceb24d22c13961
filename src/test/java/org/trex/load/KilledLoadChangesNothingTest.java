package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.source.jooq.social_care.Tables.EVENT;
import static org.trex.source.jooq.social_care.Tables.PERSON;
import static org.trex.source.jooq.source_load.Tables.CURRENT_FILE;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Trex;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A load killed mid-way (the JVM killed while its rows stream in) leaves the previous data of the period
 * exactly as it was: the same people, events and current file, byte for byte.
 */
class KilledLoadChangesNothingTest {
    private static final int BIG = 200_000;

    @TempDir
    Path dir;

    @Test
    void killingTheLoadingJvmLeavesThePreviousData() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Loads.load(url, SourceKind.SOCIAL_CARE, CldFile.socialCare().row("P1", "E1").row("P2", "E2")
                .write(dir.resolve("first.csv")));
        String before = contents(url);
        CldFile big = CldFile.socialCare();
        for (int i = 0; i < BIG; i++) {
            big.row("Q" + i % 40_000, "B" + i, Map.of("Gender", "Male"));
        }
        Path file = big.write(dir.resolve("resubmission.csv"));

        List<String> command =
                new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Trex.class.getName(), "load", "social-care",
                file.toString(), "--database-url", url.jdbcUrl(), "--report", dir.resolve("report.csv").toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            waitForStagedRows(url, child);
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }

        assertThat(child.exitValue()).isNotZero();
        assertThat(contents(url)).isEqualTo(before);
    }

    /** Waits until the child's COPY into the staging table is running: it has begun writing its rows. */
    private static void waitForStagedRows(DatabaseUrl url, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (Connection connection = url.connect()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            while (System.nanoTime() < deadline && child.isAlive()) {
                int copying = db.fetchCount(DSL.table(DSL.name("pg_catalog", "pg_stat_activity")),
                        DSL.field(DSL.name("query"), String.class).like("COPY%trex_load_staging%"),
                        DSL.field(DSL.name("datname"), String.class).eq(url.databaseName()));
                if (copying > 0) {
                    Thread.sleep(300);
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("The child load never reached its COPY; exit "
                + (child.isAlive() ? "none" : child.exitValue()));
    }

    private static String contents(DatabaseUrl url) throws Exception {
        try (Connection connection = url.connect()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            return db.selectFrom(PERSON).orderBy(PERSON.PERSON_ID).fetch().formatCSV()
                    + db.selectFrom(EVENT).orderBy(EVENT.EVENT_ID).fetch().formatCSV()
                    + db.selectFrom(CURRENT_FILE).orderBy(CURRENT_FILE.FILE_NAME).fetch().formatCSV();
        }
    }
}
