package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.trex.disclosure.EquivalenceClasses;

/**
 * What disclosure control found and did for one output: for records the classes before and after and
 * the action taken; for aggregates how many cells were suppressed and the rounding used.
 */
public record DisclosureOutcome(
        List<String> quasiIdentifiers,
        Optional<EquivalenceClasses> before,
        Optional<EquivalenceClasses> after,
        String action,
        long valuesSuppressed,
        long cellsSuppressed,
        String rule) {
    public DisclosureOutcome {
        quasiIdentifiers = List.copyOf(requireNonNull(quasiIdentifiers, "quasiIdentifiers is null"));
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        requireNonNull(action, "action is null");
        requireNonNull(rule, "rule is null");
    }
}
