package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.trex.spec.DisclosureRules;

/**
 * The linkage section's exact counts, which stay in the TRE, beside the section as it shows them and what disclosure
 * control decided of each: disclosure control of the aggregates reads all three (what anyone reads off the section,
 * and what it stands for).
 */
public final class CountedSection {
    private final LinkageCounts counts;
    private final SectionCells cells;
    private final LinkageSection shown;

    private CountedSection(LinkageCounts counts, SectionCells cells, LinkageSection shown) {
        this.counts = counts;
        this.cells = cells;
        this.shown = shown;
    }

    /** The counts and their section under the policy's disclosure rules and bias threshold. */
    public static CountedSection of(LinkageCounts counts, DisclosureRules rules, int biasWarningPoints) {
        return of(counts, rules, biasWarningPoints, Optional.empty());
    }

    /**
     * The counts and their section under the policy's disclosure rules and bias threshold, where the records output
     * {@code includedShownBy} names, if any, shows how many index events are included: its rows.
     */
    public static CountedSection of(LinkageCounts counts, DisclosureRules rules, int biasWarningPoints,
            Optional<String> includedShownBy) {
        requireNonNull(counts, "counts is null");
        SectionCells cells = SectionCells.protect(counts, rules, includedShownBy);
        return new CountedSection(counts, cells, LinkageSection.of(counts, cells, biasWarningPoints));
    }

    /** The exact counts. */
    public LinkageCounts counts() {
        return counts;
    }

    /** The section as it is shown. */
    public LinkageSection shown() {
        return shown;
    }

    /** How many linear programmes disclosure control solved to decide the section's counts. */
    public long programmes() {
        return cells.programmes();
    }

    SectionCells cells() {
        return cells;
    }
}
