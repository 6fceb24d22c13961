package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} is printed as written: picocli reads a description as a format string, so a lone
 * {@code %} in one made it warn on stderr and print the description raw.
 */
class EveryCommandsHelpIsPrintedAsWrittenTest {
    @Test
    void noCommandsHelpMakesPicocliWarn() {
        List<CommandLine> commands = new ArrayList<>();
        collect(Trex.newCommandLine(), commands);
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        List<String> usages = new ArrayList<>();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            commands.forEach(command -> usages.add(command.getUsageMessage()));
        } finally {
            System.setErr(stderr);
        }

        assertThat(commands).hasSizeGreaterThan(10);
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(String.join("\n", usages)).contains("10-20% from minute to minute");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
