package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Finds the hospital spells that overlap another spell of the same NHS number, as the linkage section counts them:
 * spells s and o overlap when o is admitted before s ends and s is admitted before o ends, a spell with no discharge
 * ending on the as-of date. So spells that only share a day (a transfer) do not overlap, nor does a spell with no
 * admission date (the caller leaves those out). Fed one number's spells after another, it checks each number's spells
 * in order of admission rather than pair by pair. Not thread-safe.
 */
public final class OverlappingSpells {
    private final Flags found = new Flags();
    private String number;
    private int size;
    private long[] ids = new long[8];
    private long[] admitted = new long[8];
    private long[] ends = new long[8];

    /**
     * One more spell: its NHS number's link key, its ID, and the days (any epoch, the same for all) it was admitted
     * on and ends on. Every spell of a number comes before the next number's.
     */
    public void add(String number, long spell, long admittedDay, long endDay) {
        requireNonNull(number, "number is null");
        if (!number.equals(this.number)) {
            sweep();
            this.number = number;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            admitted = Arrays.copyOf(admitted, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        ids[size] = spell;
        admitted[size] = admittedDay;
        ends[size] = endDay;
        size++;
    }

    /** The spells found to overlap another, once every spell has been added. */
    public Found found() {
        sweep();
        number = null;
        return found.sorted();
    }

    /** The IDs of the spells that overlap another spell of their number, each once. */
    public static final class Found {
        private final long[] ids;

        private Found(long[] ids) {
            this.ids = ids;
        }

        public boolean contains(long spell) {
            return Arrays.binarySearch(ids, spell) >= 0;
        }

        public int size() {
            return ids.length;
        }
    }

    /**
     * Checks one number's spells. A spell that ends after it starts is a proper one; of two proper spells, the one
     * admitted first (or, on one day, the lower ID) overlaps the other exactly when it ends after the other's
     * admission, so in order of admission a proper spell overlaps an earlier one when their latest end is after its
     * admission, and a later one when the next one's admission is before its end. A spell that ends on or before its
     * admission (a same-day spell, or one still open and admitted after the as-of date) can overlap only a proper
     * spell that runs from before its end to after its admission, never another such spell.
     */
    private void sweep() {
        if (size > 1) {
            Integer[] order = new Integer[size];
            int proper = 0;
            int improper = size;
            for (int i = 0; i < size; i++) {
                if (ends[i] > admitted[i]) {
                    order[proper++] = i;
                } else {
                    order[--improper] = i;
                }
            }
            Arrays.sort(order, 0, proper, (a, b) -> admitted[a] != admitted[b]
                    ? Long.compare(admitted[a], admitted[b]) : Long.compare(ids[a], ids[b]));
            Arrays.sort(order, proper, size, (a, b) -> Long.compare(admitted[a], admitted[b]));
            long[] properLatestEnd = latestEnds(order, 0, proper);
            for (int k = 0; k < proper; k++) {
                int spell = order[k];
                boolean earlier = k > 0 && properLatestEnd[k - 1] > admitted[spell];
                boolean later = k + 1 < proper && admitted[order[k + 1]] < ends[spell];
                if (earlier || later) {
                    found.add(ids[spell]);
                }
            }
            long[] improperLatestEnd = latestEnds(order, proper, size);
            for (int k = proper; k < size; k++) {
                int spell = order[k];
                if (overlapsOne(order, 0, proper, properLatestEnd, ends[spell], admitted[spell])) {
                    found.add(ids[spell]);
                }
            }
            for (int k = 0; k < proper; k++) {
                int spell = order[k];
                if (overlapsOne(order, proper, size, improperLatestEnd, ends[spell], admitted[spell])) {
                    found.add(ids[spell]);
                }
            }
        }
        size = 0;
    }

    /** The latest end among the spells {@code order[from..k]}, for each k from {@code from} to {@code to - 1}. */
    private long[] latestEnds(Integer[] order, int from, int to) {
        long[] latest = new long[to - from];
        for (int k = from; k < to; k++) {
            latest[k - from] = Math.max(ends[order[k]], k == from ? Long.MIN_VALUE : latest[k - from - 1]);
        }
        return latest;
    }

    /**
     * Whether any of the spells {@code order[from..to)}, in order of admission, is admitted before {@code before} and
     * ends after {@code after}: those admitted before it are a prefix, and the latest end of that prefix decides.
     */
    private boolean overlapsOne(Integer[] order, int from, int to, long[] latestEnd, long before, long after) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (admitted[order[middle]] < before) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low > from && latestEnd[low - from - 1] > after;
    }

    /** A growing list of spell IDs, sorted once at the end. */
    private static final class Flags {
        private long[] ids = new long[1024];
        private int size;

        void add(long id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        /** Each ID once: a spell can be found both beside a proper spell and beside a same-day one. */
        Found sorted() {
            long[] sorted = Arrays.copyOf(ids, size);
            Arrays.sort(sorted);
            return new Found(Arrays.stream(sorted).distinct().toArray());
        }
    }
}
