package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * The record-level decisions of a policy: what to do when the smallest equivalence class is below k, which
 * classes lose their quasi-identifier values, and when records whose values are all blanked must go too.
 */
public final class KAnonymityDecisions {
    private final int k;
    private final KAnonymityAction belowK;

    public KAnonymityDecisions(DisclosureRules rules) {
        requireNonNull(rules, "rules is null");
        this.k = rules.k();
        this.belowK = rules.belowK();
    }

    /** The first step for an output as measured. */
    public RecordStep onMeasured(EquivalenceClasses classes) {
        requireNonNull(classes, "classes is null");
        if (classes.meetsK()) {
            return RecordStep.KEEP;
        }
        return switch (belowK) {
            case REFUSE -> RecordStep.REFUSE;
            case GENERALISE -> RecordStep.GENERALISE;
            case SUPPRESS -> RecordStep.SUPPRESS;
        };
    }

    /** After generalising: publish when k is met, else suppress what is still below it. */
    public RecordStep onGeneralised(EquivalenceClasses classes) {
        requireNonNull(classes, "classes is null");
        return classes.meetsK() ? RecordStep.KEEP : RecordStep.SUPPRESS;
    }

    /** Whether the records of a class of this size lose their quasi-identifier values. */
    public boolean suppresses(long classSize) {
        return classSize < k;
    }

    /**
     * Whether records whose quasi-identifiers are all blanked must be dropped: when they are fewer than k, the
     * class of blanks is itself below k and would single them out. None to drop when there are none.
     */
    public boolean dropsFullyBlanked(long records) {
        return records > 0 && records < k;
    }
}
