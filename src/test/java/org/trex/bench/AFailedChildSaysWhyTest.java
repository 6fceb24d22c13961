package org.trex.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AFailedChildSaysWhyTest {
    @TempDir
    Path logs;

    @Test
    void theFailureQuotesTheChildsLastLinesBeforeTheTimersOwn() {
        List<String> command = List.of("sh", "-c", "echo starting >&2; echo one >&2; echo two >&2;"
                + " echo 'trex: Cannot run: the spec changed' >&2; exit 3");

        assertThatThrownBy(() -> TimedProcess.run("child", command, Map.of(), logs))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot measure child: it exited with 3, saying \"one | two | trex: Cannot run: the spec"
                        + " changed\"; see " + logs.resolve("child.err"));
    }

    @Test
    void aChildThatSaidNothingIsSaidToHaveSaidNothing() {
        assertThat(TimedProcess.lastWords("Command exited with non-zero status 1\n\tCommand being timed: \"x\"\n"))
                .isEqualTo("nothing");
    }
}
