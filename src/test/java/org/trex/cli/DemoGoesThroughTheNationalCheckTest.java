package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * {@code trex demo} goes through the national data opt-out round trip: it writes the request it would send and a
 * synthetic response, loads the response as {@code trex optouts load} does (the same files, loaded by that command
 * into another database, give the same counts), prints the list date its run used, and no number on the allow list
 * appears in its output or its extract.
 */
class DemoGoesThroughTheNationalCheckTest {
    static final Pattern CHECK = Pattern.compile(
            "National data opt-out check: sent (\\d+) numbers, the allow list of 2026-06-01 holds (\\d+); loaded");

    @TempDir
    Path root;

    @Test
    void theDemoLoadsTheSyntheticResponseAndPrintsTheListDateItsRunUsed() throws Exception {
        Path out = root.resolve("demo");
        Result demo = Workspace.trex("demo", "--out", out.toString(), "--people", "600", "--seed", "7", "--master",
                "local[2]");

        assertThat(demo.code()).as(demo.all()).isEqualTo(ExitCode.OK);
        assertThat(demo.out()).contains("National data opt-out: allow list of 2026-06-01, 29 days old on 2026-06-30 "
                + "(policy service-evaluation allows up to 92 days)");
        Matcher check = CHECK.matcher(demo.out());
        assertThat(check.find()).as(demo.out()).isTrue();
        Path request = out.resolve("national-check/ndop-request.csv");
        Path response = out.resolve("national-check/ndop-response-2026-06-01.csv");
        assertThat(demo.out()).contains("Request sent: " + request + "; response loaded: " + response);
        List<String> allowed = Files.readAllLines(response).stream().map(line -> line.replace(",", "")).toList();
        assertThat(Files.readAllLines(request)).hasSize(Integer.parseInt(check.group(1)));
        assertThat(allowed).hasSize(Integer.parseInt(check.group(2))).isNotEmpty();

        DatabaseUrl elsewhere = TestDatabase.fresh();
        Result load = Workspace.trex("optouts", "load", response.toString(), "--list-date", "2026-06-01",
                "--request", request.toString(), "--database-url", elsewhere.jdbcUrl());
        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        assertThat(load.out()).isEqualTo(String.format("Loaded the national data opt-out allow list of 2026-06-01: "
                + "%,d numbers of %,d sent%n", Integer.parseInt(check.group(2)), Integer.parseInt(check.group(1))));

        List<String> found = new ArrayList<>();
        allowed.stream().filter(demo.all()::contains).forEach(n -> found.add("output: " + n));
        Matcher extract = Pattern.compile("Extract: +(\\S+)").matcher(demo.out());
        assertThat(extract.find()).as(demo.out()).isTrue();
        List<Path> written = Workspace.files(Path.of(extract.group(1)));
        assertThat(written).as("the extract's files").anyMatch(f -> f.endsWith("lineage/openlineage.ndjson"));
        for (Path file : written) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            allowed.stream().filter(content::contains).forEach(n -> found.add(file + ": " + n));
        }
        assertThat(found).as("allow-list numbers outside the database").isEmpty();
    }
}
