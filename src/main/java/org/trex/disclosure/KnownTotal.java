package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A total of one quantity's cells that is published outside the aggregates, so an attacker knows it whatever
 * disclosure control decides: the rows (or people) of a records output that holds the very rows an aggregate counted,
 * which anyone can count in its file, or the rows an aggregate counted as its lineage's rows in and left out bound
 * them. It is known to lie within {@code known} (one value, or a range where the records file or the lineage's shown
 * counts tell no more), is never suppressed and is never written.
 */
public record KnownTotal(String output, Quantity quantity, Interval known, Shown shown) {
    /** Where the total is shown. */
    public enum Shown {
        /** In the file of records output {@code output}: its rows, or its people. */
        IN_A_RECORDS_FILE,
        /** In the lineage, as aggregate {@code output}'s rows in and rows left out, each through the rules. */
        IN_THE_LINEAGE
    }

    public KnownTotal {
        requireNonNull(output, "output is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(known, "known is null");
        requireNonNull(shown, "shown is null");
        if (known.lower() < 0 || known.lower() != Math.rint(known.lower())) {
            throw new IllegalArgumentException("Cannot know the total of " + quantity.id() + " from output " + output
                    + " as " + known + ": its lowest value must be a count");
        }
    }

    /** A total a records output's file shows. */
    public KnownTotal(String output, Quantity quantity, Interval known) {
        this(output, quantity, known, Shown.IN_A_RECORDS_FILE);
    }

    /**
     * The total as a cell with no dimensions, in the records output's place (or beside the aggregate, for its
     * lineage's): it covers every cell of its quantity. Its value is the lowest it can be; only its interval tells the
     * attacker what it is.
     */
    Cell cell() {
        String place = shown == Shown.IN_THE_LINEAGE ? output + " (lineage)" : output;
        return Cell.count(CellKey.of(place, quantity.id(), Map.of()), quantity, Math.round(known.lower()));
    }

    /** What publishes it, for the reasons of the cells it made disclosure control suppress. */
    String source() {
        if (shown == Shown.IN_THE_LINEAGE) {
            return "the rows in and left out of output " + output + " in the lineage";
        }
        return "the " + (quantity.additivity() == Additivity.BOUNDED ? "people" : "rows") + " of records output "
                + output;
    }
}
