package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;

/** A {@code --out} that cannot be used is bad input (exit 2) with a message saying what is wrong with it. */
class OutProblemsAreBadInputTest {
    // Refused before any database is reached.
    private static final String UNREACHED = "jdbc:postgresql://127.0.0.1:1/never-reached";

    // Messages have digit runs scrubbed (they could be NHS numbers), temporary folders' names among them.
    @TempDir
    Path dir;

    @Test
    void aFileIsNotAnOutputFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "");

        Result run = run(file);

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("trex: Cannot use --out ").endsWith("/out: it is not a directory\n");
    }

    @Test
    void aDanglingSymbolicLinkIsNamedAsOne() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("out"), dir.resolve("gone"));

        Result run = run(link);

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("trex: Cannot use --out ")
                .contains("/out: it is a symbolic link to ").endsWith("/gone, which does not exist\n");
    }

    @Test
    void aFolderThatCannotBeMadeSaysWhy() throws Exception {
        Path underFile = Files.writeString(dir.resolve("file"), "").resolve("out");

        Result run = run(underFile);

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("trex: Cannot use --out ").contains("/file/out: cannot create .trex-scratch-");
    }

    private static Result run(Path out) {
        return Workspace.trex("run", "spec.yaml", "--out", out.toString(), "--key-file", "project.key",
                "--database-url", UNREACHED);
    }
}
