package org.trex.load;

import org.jooq.DSLContext;

/** What a load tells its caller as it goes: the checked rows' report, then the written load just before it commits. */
@FunctionalInterface
public interface LoadListener {
    /** Every row is checked; nothing is written yet (a dry run stops here). */
    void checked(QualityReport report);

    /**
     * The period's rows are written and the load is about to commit in {@code transaction}; a listener that throws
     * rolls it back, and what it writes in {@code transaction} (the governance record of the load, when the governance
     * tables are in the source database) commits with the load or not at all.
     */
    default void written(LoadOutcome outcome, DSLContext transaction) {
    }
}
