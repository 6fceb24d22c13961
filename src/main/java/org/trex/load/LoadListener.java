package org.trex.load;

/** What a load tells its caller as it goes: the checked rows' report, then the written load just before it commits. */
@FunctionalInterface
public interface LoadListener {
    /** Every row is checked; nothing is written yet (a dry run stops here). */
    void checked(QualityReport report);

    /**
     * The period's rows are written and the load is about to commit; a listener that throws rolls it back, so what
     * it records (the governance record of the load) and the load stand or fall together.
     */
    default void written(LoadOutcome outcome) {
    }
}
