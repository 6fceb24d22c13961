package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.trex.spec.DominanceRule;

/** The policy's dominance rules for sums: nk and p%. */
public final class DominanceCheck {
    private final DominanceRule rule;

    public DominanceCheck(DominanceRule rule) {
        this.rule = requireNonNull(rule, "rule is null");
    }

    /** How many of the largest contributions to a sum the rules weigh: the n largest, and the two largest. */
    public int contributionsNeeded() {
        return Math.max(rule.n(), 2);
    }

    /** Why a sum with these largest contributions is dominated, or empty when it is not. */
    public Optional<String> dominated(long total, Contributions contributions) {
        requireNonNull(contributions, "contributions is null");
        if (total <= 0) {
            return Optional.empty();
        }
        long topN = 0;
        for (int i = 0; i < rule.n(); i++) {
            topN += contributions.at(i);
        }
        // Integer arithmetic: a share exactly at k% or p% is not dominance.
        if (topN * 100 > (long) rule.kPercent() * total) {
            return Optional.of("nk rule: the " + rule.n() + " largest contributions are more than " + rule.kPercent()
                    + "% of the total");
        }
        long rest = total - contributions.at(0) - contributions.at(1);
        if (rest * 100 < (long) rule.pPercent() * contributions.at(0)) {
            return Optional.of("p% rule: without the two largest contributions the rest is less than " + rule.pPercent()
                    + "% of the largest");
        }
        return Optional.empty();
    }
}
