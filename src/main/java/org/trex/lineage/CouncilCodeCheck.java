package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Whether a social care load held every row's {@code LA_Code} to the council's own LA code, and to which, as the
 * governance record of the load says: where it was not, another council's file would have loaded.
 *
 * @param heldTo the council's LA code (its ONS code, such as E06000016); empty when none was set for the load
 */
public record CouncilCodeCheck(Optional<String> heldTo) {
    /** A load that no council's code was set for: its rows were held to one code, of any council. */
    public static final CouncilCodeCheck NOT_CHECKED = new CouncilCodeCheck(Optional.empty());

    public CouncilCodeCheck {
        requireNonNull(heldTo, "heldTo is null");
        heldTo.ifPresent(code -> LineageChecks.requireText(code, "heldTo"));
    }

    /** The check as a person reads it, in the words the load's own summary used. */
    public String inWords() {
        return heldTo.map(code -> "LA_Code checked: every row loaded states the council's own, " + code)
                .orElse("LA_Code not checked against the council's own (another council's file would have loaded),"
                        + " only that the rows state one code");
    }
}
