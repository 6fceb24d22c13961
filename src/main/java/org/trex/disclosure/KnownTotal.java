package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A total of one quantity's cells that is published outside the aggregates, so an attacker knows it whatever
 * disclosure control decides: the rows (or people) of a records output that holds the very rows an aggregate counted,
 * which anyone can count in its file, or the rows an aggregate counted as its lineage's rows in and left out bound
 * them. It is known to lie within {@code known} (one value, or a range where the records file or the lineage's shown
 * counts tell no more), is never suppressed and is never written. A total of a group ({@code group}: the linkage
 * section's index events included in age band 85+, say) covers only the cells in that group.
 */
public record KnownTotal(String output, Quantity quantity, Interval known, Shown shown, Optional<Group> group) {
    /** Where the total is shown. */
    public enum Shown {
        /** In the file of records output {@code output}: its rows, or its people. */
        IN_A_RECORDS_FILE,
        /** In the lineage, as aggregate {@code output}'s rows in and rows left out, each through the rules. */
        IN_THE_LINEAGE,
        /** In the lineage's linkage section, as the index events included in the groups {@code group} names. */
        IN_THE_LINKAGE_SECTION,
        /**
         * Nowhere: a sum two sets of shown counts share ({@code output} names it in words), which the attacker knows
         * to be the same for both and no count below 0, and nothing more.
         */
        AS_A_SHARED_SUM
    }

    /**
     * The cells a total of a group covers: those whose {@code dimension} holds one of {@code values} (null for the
     * blank group), named in {@code words} ("age band 85+").
     */
    public record Group(String dimension, Set<String> values, String words) {
        public Group {
            requireNonNull(dimension, "dimension is null");
            // A blank group's value is null, which Set.copyOf refuses.
            values = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(values, "values is null")));
            requireNonNull(words, "words is null");
            if (values.isEmpty()) {
                throw new IllegalArgumentException("Cannot know the total of " + words + " in " + dimension
                        + ": it covers no value");
            }
        }
    }

    public KnownTotal {
        requireNonNull(output, "output is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(known, "known is null");
        requireNonNull(shown, "shown is null");
        requireNonNull(group, "group is null");
        if (group.isPresent() != (shown == Shown.IN_THE_LINKAGE_SECTION)) {
            throw new IllegalArgumentException("Cannot know the total of " + quantity.id() + " from output " + output
                    + " as shown " + shown + (group.isPresent() ? " for a group" : " for no group")
                    + ": only the linkage section shows the totals of groups");
        }
        if (known.lower() < 0 || known.lower() != Math.rint(known.lower())) {
            throw new IllegalArgumentException("Cannot know the total of " + quantity.id() + " from output " + output
                    + " as " + known + ": its lowest value must be a count");
        }
    }

    /** A total of every cell of its quantity, shown where {@code shown} says. */
    public KnownTotal(String output, Quantity quantity, Interval known, Shown shown) {
        this(output, quantity, known, shown, Optional.empty());
    }

    /** A total a records output's file shows. */
    public KnownTotal(String output, Quantity quantity, Interval known) {
        this(output, quantity, known, Shown.IN_A_RECORDS_FILE);
    }

    /** The index events the linkage section shows included in a group, of the cells of aggregate {@code output}. */
    public static KnownTotal ofGroup(String output, Quantity quantity, Interval known, Group group) {
        return new KnownTotal(output, quantity, known, Shown.IN_THE_LINKAGE_SECTION, Optional.of(group));
    }

    /**
     * The total as a cell with no dimensions, in the records output's place (or beside the aggregate, for its
     * lineage's): it covers every cell of its quantity. Its value is the lowest it can be; only its interval tells the
     * attacker what it is. A group's total has the group as its one dimension, under a name no output's column has,
     * so no cell is taken to count the same records as it: only {@link #covers} says which it covers.
     */
    public Cell cell() {
        if (group.isPresent()) {
            return Cell.count(CellKey.of(output + " (linkage section)", quantity.id(),
                    Map.of("linkage section's " + group.get().dimension(), group.get().words())), quantity,
                    Math.round(known.lower()));
        }
        String place = shown == Shown.IN_THE_LINEAGE ? output + " (lineage)" : output;
        return Cell.count(CellKey.of(place, quantity.id(), Map.of()), quantity, Math.round(known.lower()));
    }

    /**
     * Whether a group's total covers a cell: of its output and quantity, with the group's dimension, at one of its
     * values. Another output may call another grouping by the same name (bands of ten years, say).
     */
    boolean covers(Cell cell) {
        return group.isPresent() && cell.key().output().equals(output) && cell.quantity().equals(quantity)
                && cell.key().dimensions().containsKey(group.get().dimension())
                && group.get().values().contains(cell.key().dimensions().get(group.get().dimension()));
    }

    /** What publishes it, for the reasons of the cells it made disclosure control suppress. */
    String source() {
        if (group.isPresent()) {
            return "the index events included in " + group.get().words() + " in the linkage section";
        }
        if (shown == Shown.IN_THE_LINEAGE) {
            return "the rows in and left out of output " + output + " in the lineage";
        }
        if (shown == Shown.AS_A_SHARED_SUM) {
            return output + ", a sum shown nowhere";
        }
        return "the " + (quantity.additivity() == Additivity.BOUNDED ? "people" : "rows") + " of records output "
                + output;
    }
}
