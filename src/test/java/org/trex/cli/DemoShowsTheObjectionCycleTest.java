package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;

/**
 * {@code trex demo} shows the cycle after a release: an objection by someone the extract holds, the deletion notice
 * it gives (files, pseudonyms, due date), its acknowledgement and the status; no NHS number is printed or written.
 */
class DemoShowsTheObjectionCycleTest {
    /** Ten digits, optionally spaced 3-3-4 as NHS numbers are written, standing alone. */
    private static final Pattern TEN_DIGITS =
            Pattern.compile("(?<![0-9A-Za-z])\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?![0-9A-Za-z])");

    @TempDir
    Path dir;

    @Test
    void theDemoIssuesANoticeAndAcknowledgesIt() throws IOException {
        Path out = dir.resolve("demo");

        Result result = Workspace.trex("demo", "--out", out.toString(), "--people", "2000", "--master", "local[2]");

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        Path notices = out.resolve("notices");
        Path copy = out.resolve("tre-copy/discharge-delays");
        assertThat(result.out()).as(result.all())
                .contains("Objection:      one person the extract holds objected on 2026-07-01")
                .containsPattern("ISSUED DN-000001 to discharge-delays run [0-9a-f-]{36}: 1 pseudonym\\(s\\) to delete,"
                        + " due \\d{4}-\\d{2}-\\d{2} -> " + Pattern.quote(notices.resolve("DN-000001.md") + ", "
                        + notices.resolve("DN-000001.json")))
                .contains("TRE copy:       " + copy, "--copy " + copy, "CHECKED " + copy.toAbsolutePath()
                        + ": data/spells.csv ", "; no row of anyone DN-000001 names")
                .contains("DONE DN-000001 (discharge-delays run ", ") by Demo TRE operator at ")
                .contains(", checked in 1 copy (" + copy.toAbsolutePath() + ")")
                .containsPattern("DONE +DN-000001 discharge-delays run [0-9a-f-]{36}: 1 people, due .*, done .* by Demo"
                        + " TRE operator")
                .contains("1 notice(s) on ", ": 0 open, 0 overdue, 1 done");
        Path published;
        try (Stream<Path> runs = Files.list(out.resolve("discharge-delays"))) {
            published = runs.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        // The rows were deleted from the TRE's copy: the published extract is as released.
        Result verify = Workspace.trex("verify", published.toString(), "--board",
                out.resolve("governance/board.yaml").toString());
        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
        for (Path file : List.of(copy, copy.resolve("data"), copy.resolve("data/spells.csv"),
                copy.resolve("data/spells.parquet"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                            published.resolve(copy.relativize(file).toString()))));
        }
        assertThat(notices.resolve("DN-000001.json")).exists();
        assertThat(notices.resolve("DN-000001.md")).exists();
        assertThat(TEN_DIGITS.matcher(result.all()).results().map(m -> m.group())).as("printed").isEmpty();
        try (Stream<Path> files = Files.list(notices)) {
            for (Path file : files.toList()) {
                assertThat(TEN_DIGITS.matcher(Files.readString(file)).results().map(m -> m.group()))
                        .as(file.toString()).isEmpty();
            }
        }
    }
}
