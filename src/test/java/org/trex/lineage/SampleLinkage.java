package org.trex.lineage;

import org.trex.linkage.LinkageSection;
import org.trex.linkage.SampleCounts;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * The linkage and exclusions section of the sample run, under a threshold of 7 and rounding to 5: the national
 * data opt-out leaves out the 85+ group three times as often as the rest (flagged), and the 0-17 group's 5 events
 * are suppressed. Its counts are protected from exact inference only (protection range 0), so that its flags stay
 * shown: under a range of 7, the one event left out for a missing NHS number takes complements across the section
 * (the linkage package's tests show them).
 */
final class SampleLinkage {
    static final DisclosureRules RULES = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);

    private SampleLinkage() {
    }

    static LinkageSection section() {
        return LinkageSection.of(SampleCounts.counts(), RULES.withProtectionRange(0), 5);
    }
}
