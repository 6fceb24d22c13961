package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestDatabase;
import picocli.CommandLine;

class BenchCommandTest {
    @TempDir
    Path out;

    @Test
    void measuresEveryFigureAtATinySizeInTwoPairsAndWritesThemToBenchJson() throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine commandLine = Trex.newCommandLine();
        commandLine.setOut(new PrintWriter(printed));
        commandLine.setErr(new PrintWriter(printed));

        int exit = commandLine.execute("bench", "--people", "2000", "--database-url", TestDatabase.fresh().jdbcUrl(),
                "--out", out.toString(), "--partitions", "2", "--pairs", "2");

        assertThat(exit).as(printed.toString()).isEqualTo(ExitCode.OK);
        assertThat(printed.toString()).contains("2,000 spells over 2,000 distinct NHS numbers", "psql \\copy",
                "baseline total", "trex run incl. JVM start", "Spark sha2 over 2,000", "our HMAC", "trex run / \\copy",
                "trex run / baseline, median of 2 pairs", "HMAC / sha2", "2 pairs of \\copy and trex run",
                "  pair 2: \\copy ");
        String json = Files.readString(out.resolve("bench.json"));
        assertThat(json).contains("\"maxRssKilobytes\"", "\"hmacOverSha2\"", "\"runOverCopy\"", "\"runOverBaseline\"",
                "\"baselineTotalSeconds\"");
        assertThat(new ObjectMapper().readTree(json).get("pairs")).hasSize(2);
        // The second pair ran as the first did: its own \copy and run, each logged.
        assertThat(out.resolve("logs/copy-2.out")).exists();
        assertThat(Files.readString(out.resolve("logs/trex-run-2.out"))).contains("spells", "read 2,000");
        assertThat(out.resolve("work")).doesNotExist();
    }
}
