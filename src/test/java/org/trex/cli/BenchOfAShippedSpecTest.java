package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestDatabase;
import picocli.CommandLine;

class BenchOfAShippedSpecTest {
    @TempDir
    Path out;

    @Test
    void generatesAPopulationAndTimesEveryOutputsCopyTheBaselineAndTheRunOfTheShippedSpec() throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine commandLine = Trex.newCommandLine();
        commandLine.setOut(new PrintWriter(printed));
        commandLine.setErr(new PrintWriter(printed));

        int exit = commandLine.execute("bench", "--people", "1500", "--spec", "extracts/discharge-delays.yaml",
                "--database-url", TestDatabase.fresh().jdbcUrl(), "--out", out.toString(), "--partitions", "2");

        String text = printed.toString();
        assertThat(exit).as(text).isEqualTo(ExitCode.OK);
        assertThat(text).contains("Data: trex generate --people 1,500", "spec discharge-delays.yaml",
                "psql \\copy (same SELECTs)", "trex run / \\copy", "trex run / baseline");
        // \copy and the run read the same rows: every output's SELECT, as of the date the data is made for
        String copied = text.lines().filter(line -> line.startsWith("psql \\copy")).findFirst().orElseThrow();
        String read = text.lines().filter(line -> line.startsWith("trex run incl.")).findFirst().orElseThrow();
        assertThat(rows(copied)).isPositive().isEqualTo(rows(read));
        String json = Files.readString(out.resolve("bench.json"));
        assertThat(json).contains("\"people\" : 1500", "\"spec\" : \"discharge-delays.yaml\"",
                "\"asOf\" : \"2026-06-30\"", "\"runOverCopy\"");
    }

    private static long rows(String line) {
        Matcher matcher = Pattern.compile("([\\d,]+) rows").matcher(line);
        assertThat(matcher.find()).as(line).isTrue();
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }
}
