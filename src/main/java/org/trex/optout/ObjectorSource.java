package org.trex.optout;

import java.time.LocalDate;

/**
 * Where objectors come from for deletion notices: the council's local objections ({@link LocalObjections}) and
 * the numbers that dropped off the national data opt-out allow list since a release ({@link AllowListDrops}).
 */
public interface ObjectorSource {
    /** Everyone who objects on {@code asOf} and must not be in an extract released {@code under} those terms. */
    Objectors objectors(ReleasedUnder under, LocalDate asOf);
}
