package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;

/**
 * A spec title holding terminal escape sequences (clear the screen, set the window title) is printed with them
 * made visible, so a plan read in a terminal shows what the file says and nothing else.
 */
class EscapeCodesInASpecReachNoTerminalTest {
    @TempDir
    Path root;

    @Test
    void escapeSequencesInATitleArePrintedAsText() {
        Workspace workspace = Workspace.create(root, new DatabaseUrl("jdbc:postgresql://127.0.0.1:1/never-reached"));
        workspace.editSpec("title: Delayed discharges", "title: \"\\e[2J\\e]0;approved\\a\\u202Edelayed\" #");

        Result plan = Workspace.trex("plan", workspace.spec.toString());

        assertThat(plan.code()).as(plan.all()).isEqualTo(ExitCode.OK);
        assertThat(plan.out()).contains(": \\u001B[2J\\u001B]0;approved\\u0007\\u202Edelayed\n")
                .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
    }
}
