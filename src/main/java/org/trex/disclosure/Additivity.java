package org.trex.disclosure;

/** How a total relates to the cells it covers. */
public enum Additivity {
    /** The total is the sum of its cells: counts of records (each record sits in one cell). */
    EXACT,
    /** The total is at least its largest cell and at most their sum: counts of people, who may sit in several cells. */
    BOUNDED,
    /**
     * The total is at least the sum of its cells, which count some of its records or people and none twice: a
     * measure with a flag beside the same measure without it. Never a quantity's own additivity.
     */
    AT_LEAST
}
