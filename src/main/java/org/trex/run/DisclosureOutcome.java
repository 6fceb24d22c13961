package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.CellStatus;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.EquivalenceClasses;
import org.trex.disclosure.Interval;
import org.trex.disclosure.ProtectedCells;
import org.trex.spec.DisclosureRules;
import org.trex.spec.ZeroCounts;

/**
 * What disclosure control found and did for one output: for records the classes before and after and
 * the action taken; for aggregates how many of its cells were suppressed, the rounding used, and notes saying which
 * cells were suppressed beyond the small counts and why, and what the attacker check found. Its action may be
 * published; {@code emptyGroups} and {@code emptyGroupCellsSuppressed}, the groups no one is in and how many of the
 * small counts suppressed are their cells, may not, where the policy holds zeros disclosive: they would tell zeros.
 */
public record DisclosureOutcome(
        List<String> quasiIdentifiers,
        Optional<EquivalenceClasses> before,
        Optional<EquivalenceClasses> after,
        String action,
        long valuesSuppressed,
        long cells,
        long cellsSuppressed,
        long emptyGroups,
        long emptyGroupCellsSuppressed,
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

    /** The outcome of a record-level output, which has no cells. */
    static DisclosureOutcome ofRecords(List<String> quasiIdentifiers, Optional<EquivalenceClasses> before,
            Optional<EquivalenceClasses> after, String action, long valuesSuppressed, String rule) {
        return new DisclosureOutcome(quasiIdentifiers, before, after, action, valuesSuppressed, 0, 0, 0, 0, rule,
                List.of());
    }

    /**
     * The outcome of an aggregate output, from the decisions on the extract's cells; {@code emptyGroupCells} are the
     * cells of its groups no one is in (every group of its table is listed, the empty ones too).
     */
    static DisclosureOutcome ofCells(String output, ProtectedCells cells, DisclosureRules rules,
            Set<CellKey> emptyGroupCells) {
        List<DecidedCell> own = cells.of(output);
        List<String> done = new ArrayList<>();
        for (CellStatus status : CellStatus.values()) {
            long count = own.stream().filter(c -> c.status() == status).count();
            if (status.suppressed() && count > 0) {
                done.add(count + " " + switch (status) {
                    case SMALL_COUNT -> "small counts" + emptyGroupsAmong(rules.zeros());
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
        long emptyGroups = emptyGroupCells.stream().map(CellKey::dimensions).distinct().count();
        long emptySuppressed = own.stream()
                .filter(c -> c.status() == CellStatus.SMALL_COUNT && emptyGroupCells.contains(c.key())).count();
        return new DisclosureOutcome(List.of(), Optional.empty(), Optional.empty(), action, 0, own.size(), suppressed,
                emptyGroups, emptySuppressed, "counts <= " + rules.suppressAtOrBelow() + " suppressed (zeros "
                        + rules.zeros().yamlName() + "), others rounded to the nearest " + rules.roundTo()
                        + "; protection range " + rules.protectionRange(), notes);
    }

    /**
     * What the small counts say of the groups no one is in, without saying how many there are: where zeros are
     * disclosive, that would tell how many of the blanks are zeros (all of them, were the two numbers equal).
     */
    private static String emptyGroupsAmong(ZeroCounts zeros) {
        return zeros == ZeroCounts.DISCLOSIVE
                ? " (every group no one is in among them, if any is: its zeros are as disclosive as any small count,"
                        + " so how many is not said)"
                : " (no group no one is in among them: its zeros are published, as the policy holds zeros safe)";
    }

    /**
     * The groups no one is in, for the run's own output in the TRE: how many, and how many of the small counts
     * suppressed are their cells. Empty when there are none, or the output has no cells.
     */
    public Optional<String> emptyGroupsInTheTre() {
        return emptyGroups == 0 ? Optional.empty() : Optional.of(emptyGroups + " groups no one is in; "
                + emptyGroupCellsSuppressed + " of the small counts suppressed are their cells (not in the extract)");
    }
}
