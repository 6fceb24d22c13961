package org.trex.optout;

import java.time.LocalDate;

/**
 * Where objectors come from for deletion notices: the council's local objections, and (with the allow lists of
 * issue 16) numbers that dropped off the national data opt-out allow list.
 */
public interface ObjectorSource {
    /** Everyone whose objection is in force on {@code asOf}; people without a valid NHS number in {@code skipped}. */
    Objectors objectors(LocalDate asOf);
}
