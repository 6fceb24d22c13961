package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trex.disclosure.CellStatus;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.EquivalenceClasses;
import org.trex.disclosure.Interval;
import org.trex.disclosure.ProtectedCells;
import org.trex.spec.DisclosureRules;

/**
 * What disclosure control found and did for one output: for records the classes before and after and
 * the action taken; for aggregates how many cells were suppressed, the rounding used, and notes saying which
 * cells were suppressed beyond the small counts and why, and what the attacker check found.
 */
public record DisclosureOutcome(
        List<String> quasiIdentifiers,
        Optional<EquivalenceClasses> before,
        Optional<EquivalenceClasses> after,
        String action,
        long valuesSuppressed,
        long cellsSuppressed,
        String rule,
        List<String> notes) {
    public DisclosureOutcome {
        quasiIdentifiers = List.copyOf(requireNonNull(quasiIdentifiers, "quasiIdentifiers is null"));
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        requireNonNull(action, "action is null");
        requireNonNull(rule, "rule is null");
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
    }

    /** The outcome of an aggregate output, from the decisions on the extract's cells. */
    static DisclosureOutcome ofCells(String output, ProtectedCells cells, DisclosureRules rules) {
        List<DecidedCell> own = cells.of(output);
        List<String> done = new ArrayList<>();
        for (CellStatus status : CellStatus.values()) {
            long count = own.stream().filter(c -> c.status() == status).count();
            if (status.suppressed() && count > 0) {
                done.add(count + " " + switch (status) {
                    case SMALL_COUNT -> "small counts";
                    case DOMINATED -> "dominated sums";
                    case DIFFERENCE -> "cells differing from an earlier release";
                    default -> "complementary cells";
                });
            }
        }
        List<String> notes = new ArrayList<>();
        own.stream().filter(c -> c.status().suppressed() && c.status() != CellStatus.SMALL_COUNT)
                .forEach(c -> notes.add(c.key() + " " + c.status().description() + ": " + c.reason()));
        Optional<Interval> narrowest = cells.narrowest(output);
        narrowest.ifPresent(i -> notes.add("attacker check: from everything published, the narrowest range a suppressed"
                + " cell can be worked out to is " + i + ", wider than the protection range "
                + rules.protectionRange()));
        long suppressed = own.stream().filter(c -> c.status().suppressed()).count();
        String action = done.isEmpty() ? "rounded" : "suppressed " + String.join(", ", done) + "; rounded the rest";
        return new DisclosureOutcome(List.of(), Optional.empty(), Optional.empty(), action, 0, suppressed,
                "counts <= " + rules.suppressAtOrBelow() + " suppressed (zeros " + rules.zeros().yamlName()
                        + "), others rounded to the nearest " + rules.roundTo() + "; protection range "
                        + rules.protectionRange(), notes);
    }
}
