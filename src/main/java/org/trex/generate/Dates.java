package org.trex.generate;

import java.time.LocalDate;

/** Epoch-day constants of the synthetic timeline; dates are ints so that generation allocates little. */
final class Dates {
    /** No date (NULL). */
    static final int NONE = Integer.MIN_VALUE;
    /** First day of hospital activity. */
    static final int STUDY_START = day(2022, 1, 1);
    /** Last day of any activity: the data's extraction date. */
    static final int STUDY_END = day(2026, 6, 30);
    /** Social care records reach back a little before the hospital data. */
    static final int CARE_START = day(2021, 4, 1);
    /** Discharge ready dates are collected from this day on. */
    static final int READY_DATE_COLLECTED = day(2023, 4, 1);
    /** The reference day ages are drawn at. */
    static final int AGE_REFERENCE = day(2024, 1, 1);
    /** Ages are counted in whole years of this many days, as they were drawn. */
    static final int DAYS_PER_YEAR = 365;

    private Dates() {
    }

    static int day(int year, int month, int dayOfMonth) {
        return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }
}
