package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;

/**
 * Quantities that count part of what another quantity counts, over the same records in the same cells: counts with
 * a flag beside the count without it. With {@link Coverage#SOME} each part is at most the whole; with
 * {@link Coverage#DISJOINT} no record is in two parts (flags that exclude each other), so the parts add up to at most
 * the whole (records only: one person may have records in each); with {@link Coverage#ALL} every record of the whole
 * is in exactly one part (a flag and its negation, never blank), so the parts add up to the whole (records) or cover
 * it (people); the people of some records are {@link Coverage#SOME} of those records, at most as many. Only counts: a
 * sum's values may be negative. The parts are counted in the whole's own output, or
 * ({@link Reach#EVERY_OUTPUT}) in any output that counts them, where every output counting the same rows defines its
 * dimensions alike.
 */
public record PartsOfWhole(Quantity whole, List<Quantity> parts, Coverage coverage, Reach reach) {
    /** How much of the whole the parts count. */
    public enum Coverage {
        /** Each part counts some of the whole's records or people. */
        SOME,
        /** Each part counts some of the whole's records, and no record is counted by two parts. */
        DISJOINT,
        /** The parts split the whole's records between them, each record into exactly one. */
        ALL
    }

    /** Where the cells of the parts of a cell of the whole are. */
    public enum Reach {
        /** In its own output, at the same dimension values. */
        OWN_OUTPUT,
        /** In any output at the same dimension values: every output counting these rows defines them alike. */
        EVERY_OUTPUT
    }

    public PartsOfWhole {
        requireNonNull(whole, "whole is null");
        requireNonNull(reach, "reach is null");
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
        requireNonNull(coverage, "coverage is null");
        List<String> ids = parts.stream().map(Quantity::id).toList();
        if (parts.isEmpty() || parts.contains(whole) || new HashSet<>(parts).size() != parts.size()) {
            throw new IllegalArgumentException("Cannot relate " + ids + " to " + whole.id()
                    + ": expected distinct parts other than the whole");
        }
        // The people of some records are at most those records; no more than that relates the two.
        boolean peopleOfRecords = coverage == Coverage.SOME && whole.additivity() == Additivity.EXACT;
        if (parts.stream().anyMatch(p -> p.additivity() != whole.additivity()) && !peopleOfRecords) {
            throw new IllegalArgumentException("Cannot relate " + ids + " to " + whole.id()
                    + ": they count different things (records and people), which relate only as the people of some"
                    + " records (SOME)");
        }
        if (coverage == Coverage.DISJOINT && whole.additivity() != Additivity.EXACT) {
            throw new IllegalArgumentException("Cannot say " + ids + " count none of one another's people in "
                    + whole.id() + ": one person may be counted in each");
        }
        if (coverage == Coverage.DISJOINT && parts.size() < 2) {
            throw new IllegalArgumentException("Cannot say " + ids + " count none of one another's records in "
                    + whole.id() + ": that needs two parts or more");
        }
        if (coverage == Coverage.ALL && parts.size() < 2) {
            throw new IllegalArgumentException("Cannot say " + ids + " cover all of " + whole.id()
                    + ": one part covering all is the whole itself");
        }
    }

    /** Parts of a whole, counted in its own output. */
    public PartsOfWhole(Quantity whole, List<Quantity> parts, Coverage coverage) {
        this(whole, parts, coverage, Reach.OWN_OUTPUT);
    }

    /** Each part of a whole, at most the whole, counted in its own output. */
    public static PartsOfWhole some(Quantity whole, Quantity part) {
        return new PartsOfWhole(whole, List.of(part), Coverage.SOME);
    }
}
