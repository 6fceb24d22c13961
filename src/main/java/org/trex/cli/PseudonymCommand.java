package org.trex.cli;

import java.io.PrintWriter;
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
                + "error, not a pseudonym.")
public final class PseudonymCommand implements Callable<Integer> {
    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Key file (hex, 256 bits or more; default: $TREX_KEY_FILE).")
    Path keyFile;

    @Parameters(arity = "1..*", paramLabel = "NHS_NUMBER", description = "NHS numbers; spaces and dashes are ignored.")
    List<String> numbers;

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
        int invalid = 0;
        for (int i = 0; i < numbers.size(); i++) {
            Optional<NhsNumber> number = NhsNumber.tryParse(numbers.get(i));
            if (number.isPresent()) {
                out.println(pseudonymiser.pseudonym(number.get()));
            } else {
                invalid++;
                err.println("trex: Cannot pseudonymise argument " + (i + 1) + ": "
                        + NhsNumberStatus.of(numbers.get(i)).description());
            }
        }
        out.flush();
        err.flush();
        return invalid == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
    }
}
