package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * {@code bin/trex} as a scheduler starts it, on the jar {@code package} built: the class-data archive a jar's first
 * run writes as its JVM exits is mapped by the commands after it only when that run succeeded and the archive was
 * written whole; a JVM that maps an archive cut short dies of SIGBUS. A first run that failed holds archiving back
 * (writing the archive takes seconds, failed or not) until a run succeeds.
 */
class LauncherAdoptsOnlyASucceededRunsArchiveIT {
    // The same options for every command: a JVM maps an archive only under the options it was written with.
    private static final String JAVA_OPTS = "-Xmx1g -XX:+UseParallelGC";
    private static final Duration LONGEST = Duration.ofMinutes(5);

    @TempDir
    Path home;

    @TempDir
    Path folder;

    Path archive;
    Workspace workspace;

    @BeforeEach
    void launcherOnTheBuiltJar() throws IOException {
        Path project = Path.of("").toAbsolutePath();
        Files.createDirectories(home.resolve("bin"));
        Files.copy(project.resolve("bin/trex"), home.resolve("bin/trex"));
        Path options = home.resolve("src/main/launcher/jvm.options");
        Files.createDirectories(options.getParent());
        Files.copy(project.resolve("src/main/launcher/jvm.options"), options);
        Files.createDirectories(home.resolve("target"));
        Path jar = home.resolve("target/trex.jar");
        Files.copy(project.resolve("target/trex.jar"), jar);
        Files.createSymbolicLink(home.resolve("target/lib"), project.resolve("target/lib"));
        // Sources older than the jar, or the launcher would build it again.
        Files.setLastModifiedTime(options, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        archive = home.resolve("target/trex.jsa");
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 31);
        workspace = Workspace.create(folder, url);
    }

    @Test
    void theArchiveOfAFirstRunThatSucceededIsMappedByTheCommandsAfterIt() throws Exception {
        assertThat(workspace.approve("IGB-CDS").code()).isEqualTo(ExitCode.OK);

        Finished run = launch(workspace.runArguments());

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("trex: writing the class-data archive later commands start from (" + archive
                + ", once for each build of the jar; 10-20 s)\n");
        assertThat(archive).as("adopted before a command after the run").doesNotExist();
        Finished version = launch(List.of("--version"), "-Xlog:class+load=info");
        assertThat(version.code()).as(version.output()).isZero();
        assertThat(archive).isRegularFile();
        assertThat(leftBehind()).as("the first run's archive and its mark, by their temporary names").isEmpty();
        assertThat(version.output()).contains(Trex.class.getName() + " source: shared objects file (top)");
    }

    @Test
    void aFirstRunThatWasRefusedLeavesNoArchive() throws Exception {
        Finished run = launch(workspace.runArguments());
        assertThat(run.code()).as(run.output()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(leftBehind()).as("the refused run's archive, without the mark of success")
                .anyMatch(file -> file.getFileName().toString().endsWith(".tmp"))
                .noneMatch(file -> file.getFileName().toString().endsWith(".ok"));

        Finished version = launch(List.of("--version"));

        assertThat(version.code()).as(version.output()).isZero();
        assertThat(archive).doesNotExist();
        assertThat(leftBehind()).as("only the hold on archiving").containsExactly(hold());
    }

    @Test
    void aRefusedFirstRunHoldsArchivingBackUntilARunSucceeds() throws Exception {
        Finished first = launch(workspace.runArguments());
        assertThat(first.code()).as(first.output()).isEqualTo(ExitCode.NOT_APPROVED);

        Finished again = launch(workspace.runArguments());

        assertThat(again.code()).as(again.output()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(again.output()).doesNotContain("class-data archive");
        assertThat(leftBehind()).as("no archive written by the run refused again").containsExactly(hold());

        assertThat(workspace.approve("IGB-CDS-HELD").code()).isEqualTo(ExitCode.OK);
        Finished succeeded = launch(workspace.runArguments());

        assertThat(succeeded.code()).as(succeeded.output()).isZero();
        assertThat(leftBehind()).as("its mark of success, and still no archive")
                .anyMatch(file -> file.getFileName().toString().endsWith(".ok"))
                .noneMatch(file -> file.getFileName().toString().endsWith(".tmp"));

        Finished after = launch(workspace.runArguments());

        assertThat(after.code()).as(after.output()).isZero();
        assertThat(leftBehind()).as("the hold lifted: the run after the success wrote its archive and its mark")
                .doesNotContain(hold())
                .anyMatch(file -> file.getFileName().toString().endsWith(".tmp"))
                .anyMatch(file -> file.getFileName().toString().endsWith(".ok"));
        Finished version = launch(List.of("--version"));
        assertThat(version.code()).as(version.output()).isZero();
        assertThat(archive).isRegularFile();
    }

    @Test
    void aFirstRunKilledWhileItWroteItsArchiveLeavesNoArchive() throws Exception {
        assertThat(workspace.approve("IGB-CDS-KILLED").code()).isEqualTo(ExitCode.OK);
        Path log = folder.resolve("run.log");
        Process run = start(workspace.runArguments(), log);
        long pid = run.pid();
        Path partial = home.resolve("target/trex.jsa." + pid + ".tmp");
        Path mark = home.resolve("target/trex.jsa." + pid + ".ok");
        Instant deadline = Instant.now().plus(LONGEST);
        // The run has succeeded (its mark) and its JVM has begun writing the archive, which takes seconds.
        while (!(Files.exists(mark) && Files.exists(partial) && Files.size(partial) > 0) && run.isAlive()) {
            assertThat(Instant.now()).as(Files.readString(log)).isBefore(deadline);
            Thread.sleep(20);
        }
        assertThat(run.isAlive()).as("still writing its archive: " + Files.readString(log)).isTrue();
        run.destroyForcibly().waitFor();
        assertThat(run.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(magic(partial)).as("the header, written last, not yet written").isZero();

        Finished version = launch(List.of("--version"));

        assertThat(version.code()).as(version.output()).isZero();
        assertThat(archive).doesNotExist();
        assertThat(leftBehind()).isEmpty();
    }

    private record Finished(int code, String output) {
    }

    private Finished launch(List<String> args, String... javaOptions) throws Exception {
        Path log = Files.createTempFile(folder, "trex", ".log");
        Process process = start(args, log, javaOptions);
        assertThat(process.waitFor(LONGEST.toSeconds(), TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
        return new Finished(process.exitValue(), Files.readString(log));
    }

    private Process start(List<String> args, Path log, String... javaOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/trex").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // This test JVM's Java, as the user's PATH would give it.
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        builder.environment().put("PATH", javaBin + ":" + System.getenv("PATH"));
        builder.environment().put("TREX_JAVA_OPTS", (JAVA_OPTS + " " + String.join(" ", javaOptions)).trim());
        builder.environment().remove("SPARK_HOME");
        return builder.start();
    }

    /** What a failed first run leaves so that the runs after it write no archive until one succeeds. */
    private Path hold() {
        return home.resolve("target/trex.jsa.held");
    }

    private List<Path> leftBehind() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("trex.jsa.")).toList();
        }
    }

    private static int magic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(4);
            return header.length < 4 ? 0 : (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16
                    | (header[3] & 0xff) << 24;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
