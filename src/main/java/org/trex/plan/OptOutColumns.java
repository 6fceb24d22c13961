package org.trex.plan;

import static org.jooq.impl.DSL.inline;

import java.time.LocalDate;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SelectField;
import org.jooq.Table;
import org.trex.optout.AllowListQueries;
import org.trex.optout.ExclusionQueryBuilder;
import org.trex.source.SourceDataset;
import org.trex.spec.Applicability;
import org.trex.spec.Policy;

/**
 * What every planned SELECT carries for the run's exclusion checks, beside its NHS number: whether the number is on
 * the national allow list (joined in the SELECT where the policy applies the national data opt-out), and whether an
 * objection is in force against the row's council record.
 */
final class OptOutColumns {
    private static final String ALLOW_LIST = "trex_allow_list";

    private OptOutColumns() {
    }

    /**
     * The national allow list, joined to a source's NHS number inside the SELECT, when the policy applies the
     * opt-out. Joined, not fetched: the list never leaves PostgreSQL, and each row reaches Spark with one flag.
     */
    static Optional<AllowListQueries.Join> allowList(Policy policy, Field<String> nhsNumber,
            Param<LocalDate> optOutsOn) {
        return policy.optOuts().nationalDataOptOut() == Applicability.APPLIES
                ? Optional.of(AllowListQueries.join(nhsNumber, optOutsOn, ALLOW_LIST))
                : Optional.empty();
    }

    /** Whether the row's number is on the list: every row is, where the policy does not apply the opt-out. */
    static SelectField<Boolean> onAllowList(Optional<AllowListQueries.Join> list) {
        return list.map(AllowListQueries.Join::onList).orElse(inline(true)).as(OutputPlan.ON_ALLOW_LIST);
    }

    /** Whether an objection is in force against the row's council record: false for rows that are not one's. */
    static SelectField<Boolean> recordObjection(SourceDataset dataset, Param<LocalDate> optOutsOn) {
        return dataset.councilRecord()
                .<Field<Boolean>>map(record -> ExclusionQueryBuilder.objectionOnRecord(record, optOutsOn))
                .orElse(inline(false)).as(OutputPlan.RECORD_OBJECTION);
    }

    /** {@code from} with the allow list joined, where the policy applies the opt-out. */
    static Table<?> withAllowList(Table<?> from, Optional<AllowListQueries.Join> list) {
        if (list.isEmpty()) {
            return from;
        }
        return from.leftJoin(list.get().table()).on(list.get().on());
    }
}
