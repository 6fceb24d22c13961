package org.trex.linkage;

import static java.util.Objects.requireNonNull;

/** One counted thing before disclosure control: a trace outcome, a validity, an implausible link. */
public record Tally(Label label, long count) {
    public Tally {
        requireNonNull(label, "label is null");
        if (count < 0) {
            throw new IllegalArgumentException("Cannot count " + label.code() + ": " + count + " is negative");
        }
    }
}
