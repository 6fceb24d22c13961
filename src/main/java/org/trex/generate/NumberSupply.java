package org.trex.generate;

import static java.util.Objects.requireNonNull;
import static org.trex.generate.TestRangeNumbers.number;

/** The NHS numbers one pass hands out, from a seed's shuffled list of the valid test-range suffixes. */
final class NumberSupply {
    private final int[] suffixes;
    private final int people;
    private int current;
    private int retired;

    /** {@code suffixes} is read, never changed; {@code people} is only for the message when numbers run out. */
    NumberSupply(int[] suffixes, int people) {
        this.suffixes = requireNonNull(suffixes, "suffixes is null");
        this.people = people;
    }

    /** The next individual's number. */
    String next() {
        current++;
        checkCapacity();
        return number(suffixes[current - 1]);
    }

    /**
     * A number the person held before the one they have now; retired numbers come from the far end of the list, so
     * they never meet current ones.
     */
    String retired() {
        retired++;
        checkCapacity();
        return number(suffixes[suffixes.length - retired]);
    }

    private void checkCapacity() {
        if (current + retired > suffixes.length) {
            throw new IllegalStateException("Cannot generate " + people + " people: the 999 test range holds only "
                    + suffixes.length + " valid NHS numbers");
        }
    }
}
