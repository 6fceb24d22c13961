package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * The council's LA code is set once, as TREX_COUNCIL_CODE in the environment cron or Airflow runs {@code trex load}
 * in, and a social care load is held to it as to {@code --council-code}, which, given, is the one taken. The real CLI
 * runs in a child, whose environment a test can set.
 */
class CouncilCodeIsTakenFromTheEnvironmentTest {
    @TempDir
    Path dir;

    @Test
    void theEnvironmentsCodeRefusesAnotherCouncilsFileAndTheOptionComesFirst() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1").write(dir.resolve("cld.csv"));

        Child refused = trex(url, "E06000016", file);
        Child loaded = trex(url, "E06000016", file, "--council-code", "E08000026");

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.output()).startsWith("trex: Cannot load ").contains("cld.csv: 1 of its 1 rows state an"
                + " LA_Code other than the council's code set, E06000016: E08000026 on 1 row (line 2)");
        assertThat(loaded.exitCode()).as(loaded.output()).isEqualTo(ExitCode.OK);
        assertThat(loaded.output()).contains("LA_Code checked: every row loaded states the council's own, E08000026");
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isEqualTo(1);
    }

    /** What the child printed, and how it exited. */
    private record Child(int exitCode, String output) {
    }

    private Child trex(DatabaseUrl url, String councilCode, Path file, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Trex.class.getName(), "load",
                "social-care", file.toString(), "--report", dir.resolve("report.csv").toString(), "--database-url",
                url.jdbcUrl()));
        command.addAll(List.of(options));
        Path log = Files.createTempFile(dir, "child", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TREX_COUNCIL_CODE", councilCode);
        Process child = builder.start();
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Child(child.exitValue(), Files.readString(log));
    }
}
