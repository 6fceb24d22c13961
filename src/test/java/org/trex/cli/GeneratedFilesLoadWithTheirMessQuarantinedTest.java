package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;
import static org.trex.source.jooq.opt_out.Tables.LOCAL_OBJECTION;
import static org.trex.source.jooq.social_care.Tables.EVENT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * {@code trex generate --as-files} writes the council's records as national files with the mess real files have
 * (byte order mark, CRLF, quoted commas, Release 1 wording, UK dates), takes their rows out of the database, and
 * {@code trex load} puts them back, quarantining the rows broken on purpose: an unknown code, an impossible date,
 * an end before its start, and an event sent twice.
 */
class GeneratedFilesLoadWithTheirMessQuarantinedTest {
    @TempDir
    Path dir;

    @Test
    void theFilesCarryTheMessAndLoadWithTheBrokenRowsQuarantined() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path files = dir.resolve("files");

        Result generate = Workspace.trex("generate", "--people", "400", "--seed", "7", "--as-files", files.toString(),
                "--database-url", url.jdbcUrl());

        assertThat(generate.code()).as(generate.all()).isEqualTo(ExitCode.OK);
        assertThat(count(url, EVENT) + count(url, INPATIENT_SPELL) + count(url, LOCAL_OBJECTION)).isZero();
        List<Path> cld = cldFiles(files);
        assertThat(cld).isNotEmpty();
        byte[] first = Files.readAllBytes(cld.get(0));
        assertThat(new byte[] {first[0], first[1], first[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String all = String.join("", cld.stream().map(DemoFilesText::read).toList());
        assertThat(all).contains("\r\n", "\"White: English, Welsh, Scottish, Northern Irish or British\"",
                "Service User", "31/02/2024").containsPattern(",\\d\\d/\\d\\d/\\d{4},");

        List<String> printed = new ArrayList<>();
        for (Path file : cld) {
            Result load = Workspace.trex("load", "social-care", file.toString(), "--mapping",
                    "mappings/cld-release-1.yaml", "--report", dir.resolve("report.csv").toString(), "--database-url",
                    url.jdbcUrl());
            assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
            printed.add(load.out());
        }
        assertThat(String.join("", printed)).contains("UNKNOWN_CODE", "UNREADABLE_DATE", "DATES_OUT_OF_ORDER",
                "DUPLICATE_REFERENCE").doesNotContain("Service User");
        Result spells = Workspace.trex("load", "hospital", files.resolve("apc-spells.csv").toString(), "--report",
                dir.resolve("apc-report.csv").toString(), "--database-url", url.jdbcUrl());
        assertThat(spells.code()).as(spells.all()).isEqualTo(ExitCode.OK);
        assertThat(spells.out()).contains("UNKNOWN_CODE", "UNREADABLE_DATE", "DATES_OUT_OF_ORDER");
        Result objections = Workspace.trex("load", "objections", files.resolve("objection-register.csv").toString(),
                "--report", dir.resolve("objection-report.csv").toString(), "--database-url", url.jdbcUrl());
        assertThat(objections.code()).as(objections.all()).isEqualTo(ExitCode.OK);
        assertThat(count(url, EVENT)).isPositive();
        assertThat(count(url, INPATIENT_SPELL)).isPositive();
        assertThat(count(url, LOCAL_OBJECTION)).isPositive();
    }

    private static List<Path> cldFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("cld-")).sorted().toList();
        }
    }

    private static int count(DatabaseUrl url, org.jooq.Table<?> table) throws Exception {
        try (Connection connection = url.connect()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            return db.fetchCount(table);
        }
    }

    /** Reads a file as text for the assertions. */
    private static final class DemoFilesText {
        static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
