package org.trex.cli;

import java.util.Optional;
import org.trex.load.CouncilCode;
import picocli.CommandLine.Option;

/** The {@code --council-code} option of {@code trex load social-care}; falls back to TREX_COUNCIL_CODE. */
public final class CouncilOptions {
    @Option(names = "--council-code", paramLabel = "CODE",
            description = "The council's own LA code, its ONS code as its CLD files state it in LA_Code (such as"
                    + " E06000016): a file with a row of another is refused (default: $TREX_COUNCIL_CODE; without"
                    + " either, the rows must state one code, not checked to be the council's).")
    String councilCode;

    /** The configured code, if any; one that is not an LA code is refused. */
    public Optional<CouncilCode> code() {
        String value = councilCode != null ? councilCode : System.getenv("TREX_COUNCIL_CODE");
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new CouncilCode(value));
    }
}
