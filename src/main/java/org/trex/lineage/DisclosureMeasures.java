package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How an output fared against disclosure control, in the terms that apply to it: a record-level output's by
 * k-anonymity ({@link Records}), an aggregate's by its cells ({@link Cells}: classes and k are no idea of a table of
 * counts, and a smallest class of 0 would only hint that some group is empty).
 */
public sealed interface DisclosureMeasures permits DisclosureMeasures.Records, DisclosureMeasures.Cells {
    /** What disclosure control did, in words. */
    String action();

    /**
     * A record-level output: the k required, the smallest equivalence class and the share of records unique on their
     * quasi-identifiers, as released (the file shows them), the action taken and the quasi-identifier values it
     * suppressed (shown as the policy shows counts: a blank in the file may also be a value never recorded).
     */
    record Records(int kRequired, long smallestClass, double uniqueShare, String action, long valuesSuppressed)
            implements DisclosureMeasures {
        public Records {
            if (kRequired < 1) {
                throw new IllegalArgumentException("Cannot describe lineage: k required is below 1: " + kRequired);
            }
            LineageChecks.requireCount(smallestClass, "smallestClass");
            if (!(uniqueShare >= 0 && uniqueShare <= 1)) {
                throw new IllegalArgumentException("Cannot describe lineage: unique share is not within 0..1: "
                        + uniqueShare);
            }
            LineageChecks.requireText(action, "action");
            LineageChecks.requireCount(valuesSuppressed, "valuesSuppressed");
        }

        /** The unique share as a percentage with one decimal, for reports. */
        public String uniquePercent() {
            return String.format(Locale.ROOT, "%.1f%%", uniqueShare * 100);
        }
    }

    /**
     * An aggregate: its suppression and rounding rule, its cells and how many of them were suppressed (its file shows
     * both), the action taken, the groups it lists in words (every combination of its group columns' values, the
     * groups no one is in too; empty for a table of one row), and notes saying which cells were suppressed beyond
     * the small counts and why, and what the attacker check found.
     */
    record Cells(String rule, long cells, long cellsSuppressed, String action, Optional<String> groups,
            List<String> notes) implements DisclosureMeasures {
        public Cells {
            LineageChecks.requireText(rule, "rule");
            LineageChecks.requireCount(cells, "cells");
            LineageChecks.requireCount(cellsSuppressed, "cellsSuppressed");
            if (cellsSuppressed > cells) {
                throw new IllegalArgumentException("Cannot describe lineage: " + cellsSuppressed + " cells suppressed"
                        + " of " + cells);
            }
            LineageChecks.requireText(action, "action");
            requireNonNull(groups, "groups is null");
            notes = List.copyOf(requireNonNull(notes, "notes is null"));
        }
    }
}
