package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.impl.DSL;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.SqlText;
import org.trex.spec.Applicability;
import org.trex.spec.Policy;

/**
 * The national data opt-out allow list a run as of a date would use: the newest list dated on or before the day it
 * checks opt-outs on, its age on the as-of date, and the policy's limit. A run may go ahead only when it is
 * {@link NationalListStatus#CURRENT} or the policy does not apply the opt-out: with no list, or a stale one, no
 * record could be kept, and an empty extract must not be published as if it were a result.
 */
public record NationalList(NationalListStatus status, Optional<LocalDate> listDate, LocalDate asOf, int maxAgeDays,
        String policyId) {
    public NationalList {
        requireNonNull(status, "status is null");
        requireNonNull(listDate, "listDate is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(policyId, "policyId is null");
    }

    /**
     * Finds the list a run under {@code policy} as of {@code asOf}, checking opt-outs on {@code optOutsOn} (that day
     * or later), would use: the newest dated on or before {@code optOutsOn}, so a backdated run takes the opt-outs
     * known on the day it runs; its age is judged on the as-of date.
     */
    public static NationalList on(DatabaseUrl url, Policy policy, LocalDate asOf, LocalDate optOutsOn) {
        requireNonNull(url, "url is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(optOutsOn, "optOutsOn is null");
        int maxAge = policy.optOuts().nationalListMaxAgeDays();
        if (policy.optOuts().nationalDataOptOut() != Applicability.APPLIES) {
            return new NationalList(NationalListStatus.NOT_APPLIED, Optional.empty(), asOf, maxAge, policy.id());
        }
        Optional<LocalDate> latest;
        try (Connection connection = url.connect()) {
            latest = Optional.ofNullable(SqlText.on(connection)
                    .select(AllowListQueries.latestListDate(DSL.val(optOutsOn))).fetchSingle().value1());
        } catch (SQLException e) {
            throw new DatabaseException("Cannot find the national data opt-out allow list in " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
        NationalListStatus status = latest.isEmpty() ? NationalListStatus.MISSING
                : ChronoUnit.DAYS.between(latest.get(), asOf) > maxAge
                        ? NationalListStatus.STALE : NationalListStatus.CURRENT;
        return new NationalList(status, latest, asOf, maxAge, policy.id());
    }

    /** Days from the list's date to the as-of date (none for a list dated after it), when there is a list. */
    public OptionalLong ageDays() {
        return listDate.map(d -> OptionalLong.of(Math.max(0, ChronoUnit.DAYS.between(d, asOf))))
                .orElse(OptionalLong.empty());
    }

    /** The list in words: its date, its age on the as-of date and the policy's limit. */
    public String describe() {
        return switch (status) {
            case NOT_APPLIED -> "not applied: policy " + policyId + " exempts the extract";
            case MISSING -> "no allow list dated on or before " + asOf + " (policy " + policyId + " allows lists up to "
                    + maxAgeDays + " days old)";
            case CURRENT, STALE -> "allow list of " + listDate.orElseThrow() + ", " + ageDays().getAsLong()
                    + " days old on " + asOf + " (policy " + policyId + " allows up to " + maxAgeDays + " days)";
        };
    }

    /** Throws {@link NationalListException} unless a run may use this list. */
    public NationalList requireUsable() {
        if (status == NationalListStatus.MISSING || status == NationalListStatus.STALE) {
            throw new NationalListException("Cannot run as of " + asOf + ": the national data opt-out "
                    + (status == NationalListStatus.STALE ? "list is stale: " : "has not been checked: ") + describe()
                    + "; send a request (trex optouts request) to NHS England's Check for National Data Opt-outs"
                    + " service and load its answer (trex optouts load)");
        }
        return this;
    }
}
