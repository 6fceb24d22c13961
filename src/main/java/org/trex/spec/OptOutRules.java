package org.trex.spec;

import static java.util.Objects.requireNonNull;

/**
 * Which opt-outs a policy applies. Local objections always apply. The national data opt-out applies
 * unless the legal basis exempts it; its list must be no older than {@code nationalListMaxAgeDays}
 * on the as-of date, else nobody can be checked and everyone is left out. Type 1 applies when an
 * extract uses GP-sourced data.
 */
public record OptOutRules(Applicability nationalDataOptOut, int nationalListMaxAgeDays, Applicability type1) {
    public OptOutRules {
        requireNonNull(nationalDataOptOut, "nationalDataOptOut is null");
        requireNonNull(type1, "type1 is null");
        if (nationalListMaxAgeDays < 1) {
            throw new IllegalArgumentException("Cannot use national list maximum age " + nationalListMaxAgeDays
                    + " days: it must be 1 or more");
        }
    }
}
