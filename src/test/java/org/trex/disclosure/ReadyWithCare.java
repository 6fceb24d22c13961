package org.trex.disclosure;

import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * The quantities of the attacker-check tests of flags that exclude each other: all discharges, and those ready on the
 * day with care and those not ready with care, which count no discharge twice; under rules that do not round.
 */
final class ReadyWithCare {
    /** Threshold 7, no rounding, protection range 7. */
    static final DisclosureRules UNROUNDED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);

    static final Quantity DISCHARGES = new Quantity("records of inpatient_spell", Additivity.EXACT);
    static final Quantity READY = new Quantity("records of inpatient_spell where ready_with_care", Additivity.EXACT);
    static final Quantity NOT_READY =
            new Quantity("records of inpatient_spell where not_ready_with_care", Additivity.EXACT);

    private ReadyWithCare() {
    }
}
