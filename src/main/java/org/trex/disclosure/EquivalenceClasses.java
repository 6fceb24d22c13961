package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Collection;

/**
 * Disclosure risk of a record-level output, measured on the sizes of its equivalence classes (records
 * sharing every quasi-identifier value): the smallest class (k), how many records are unique, and how
 * many sit in classes below the required k.
 */
public record EquivalenceClasses(int requiredK, long records, long classes, long smallestClass, long uniqueRecords,
        long recordsBelowK) {
    public EquivalenceClasses {
        if (requiredK < 1 || records < 0 || classes < 0 || smallestClass < 0 || uniqueRecords < 0
                || recordsBelowK < 0) {
            throw new IllegalArgumentException("Cannot describe equivalence classes: "
                    + "counts must not be negative and k at least 1");
        }
    }

    /** Measures the classes of the given sizes against a required k. */
    public static EquivalenceClasses measure(Collection<Long> classSizes, int requiredK) {
        requireNonNull(classSizes, "classSizes is null");
        long records = 0;
        long smallest = Long.MAX_VALUE;
        long unique = 0;
        long below = 0;
        for (long size : classSizes) {
            records += size;
            smallest = Math.min(smallest, size);
            if (size == 1) {
                unique++;
            }
            if (size < requiredK) {
                below += size;
            }
        }
        return new EquivalenceClasses(requiredK, records, classSizes.size(),
                classSizes.isEmpty() ? 0 : smallest, unique, below);
    }

    /** Share of records that are alone in their class, 0 to 1. */
    public double uniqueShare() {
        return records == 0 ? 0 : (double) uniqueRecords / records;
    }

    /** True when every class has at least k records (an empty output trivially does). */
    public boolean meetsK() {
        return records == 0 || smallestClass >= requiredK;
    }
}
