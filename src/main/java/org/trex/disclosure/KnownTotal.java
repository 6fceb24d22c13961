package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A total of one quantity's cells that is published outside the aggregates, so an attacker knows it whatever
 * disclosure control decides: the rows (or people) of a records output that holds the very rows an aggregate counted,
 * which anyone can count in its file. It is known to lie within {@code known} (one value, but for people whose records
 * disclosure control dropped or could blank a range), is never suppressed and is never written.
 */
public record KnownTotal(String output, Quantity quantity, Interval known) {
    public KnownTotal {
        requireNonNull(output, "output is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(known, "known is null");
        if (known.lower() < 0 || known.lower() != Math.rint(known.lower())) {
            throw new IllegalArgumentException("Cannot know the total of " + quantity.id() + " from output " + output
                    + " as " + known + ": its lowest value must be a count");
        }
    }

    /**
     * The total as a cell with no dimensions, in the records output's place: it covers every cell of its quantity.
     * Its value is the lowest it can be; only its interval tells the attacker what it is.
     */
    Cell cell() {
        return Cell.count(CellKey.of(output, quantity.id(), Map.of()), quantity, Math.round(known.lower()));
    }

    /** What publishes it, for the reasons of the cells it made disclosure control suppress. */
    String source() {
        return "the " + (quantity.additivity() == Additivity.BOUNDED ? "people" : "rows") + " of records output "
                + output;
    }
}
