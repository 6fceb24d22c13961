package org.trex.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trex.nhs.NhsNumber;
import org.trex.nhs.NhsNumberStatus;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trex pseudonym}: the pseudonym of NHS numbers under a key, for key custodians and partners. */
@Command(name = "pseudonym", mixinStandardHelpOptions = true,
        description = "Print the pseudonym of each NHS number (lowercase hex HMAC-SHA256 of the ten digits under the "
                + "key), one per line, so partners can check they compute the same values. Invalid numbers get an "
                + "error, not a pseudonym. With no NHS_NUMBER, reads them from standard input, one per line, which "
                + "keeps them out of the process list and shell history.")
public final class PseudonymCommand implements Callable<Integer> {
    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Key file (hex, 256 bits or more; default: $TREX_KEY_FILE).")
    Path keyFile;

    @Parameters(arity = "0..*", paramLabel = "NHS_NUMBER",
            description = "NHS numbers; spaces and dashes are ignored.")
    List<String> numbers = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        Path file = Optional.ofNullable(keyFile)
                .or(() -> Optional.ofNullable(System.getenv("TREX_KEY_FILE")).map(Path::of))
                .orElseThrow(() -> new CliException(ExitCode.BAD_INPUT,
                        "Cannot pseudonymise: give --key-file FILE or set TREX_KEY_FILE"));
        PseudonymKey key = PseudonymKey.fromFile(file);
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        boolean fromInput = numbers.isEmpty();
        List<String> given = fromInput ? standardInput() : numbers;
        int invalid = 0;
        for (int i = 0; i < given.size(); i++) {
            Optional<NhsNumber> number = NhsNumber.tryParse(given.get(i));
            if (number.isPresent()) {
                out.println(pseudonymiser.pseudonym(number.get()));
            } else {
                invalid++;
                err.println("trex: Cannot pseudonymise " + (fromInput ? "line " : "argument ") + (i + 1) + ": "
                        + NhsNumberStatus.of(given.get(i)).description());
            }
        }
        out.flush();
        err.flush();
        return invalid == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    private static List<String> standardInput() {
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList();
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot read NHS numbers from standard input: "
                    + e.getCause().getMessage());
        }
    }
}
