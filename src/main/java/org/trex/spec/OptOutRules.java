package org.trex.spec;

import static java.util.Objects.requireNonNull;

/**
 * Which opt-outs a policy applies. Local objections always apply. The national data opt-out applies
 * unless the legal basis exempts it; its list must be no older than {@code nationalListMaxAgeDays}
 * on the as-of date, else nobody can be checked and everyone is left out. Type 1 applies when an
 * extract uses GP-sourced data.
 */
public record OptOutRules(Applicability nationalDataOptOut, int nationalListMaxAgeDays, Applicability type1) {
    /** The national list may be this many days old unless a policy says otherwise (a quarter, rounded up). */
    public static final int DEFAULT_NATIONAL_LIST_MAX_AGE_DAYS = 92;
    /** Every opt-out applies: what a policy gets when it says nothing. */
    public static final OptOutRules DEFAULTS =
            new OptOutRules(Applicability.APPLIES, DEFAULT_NATIONAL_LIST_MAX_AGE_DAYS, Applicability.APPLIES);

    public OptOutRules {
        requireNonNull(nationalDataOptOut, "nationalDataOptOut is null");
        requireNonNull(type1, "type1 is null");
        requireMaxAgeDays(nationalListMaxAgeDays);
    }

    static int requireMaxAgeDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("Cannot use national list maximum age " + days
                    + " days: it must be 1 or more");
        }
        return days;
    }
}
