package org.trex.optout;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.selectOne;
import static org.trex.source.jooq.health.Tables.GP_OPT_OUT_RECORD;
import static org.trex.source.jooq.opt_out.Tables.LOCAL_OBJECTION;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Select;
import org.jooq.Table;
import org.trex.source.SourceCatalog;
import org.trex.source.SqlText;
import org.trex.source.jooq.ref.Tables;
import org.trex.spec.Applicability;
import org.trex.spec.DataOrigin;
import org.trex.spec.Policy;

/** Builds, with jOOQ, the queries that fetch the opt-outs a policy applies on the day they are checked on. */
public final class ExclusionQueryBuilder {
    /** The one column every exclusion query returns: the normalised NHS number. */
    public static final String NHS_NUMBER = "nhs_number";

    private ExclusionQueryBuilder() {
    }

    /** The exclusion queries for a policy, given which data origins the extract reads. */
    public static ExclusionQueries build(Policy policy, List<DataOrigin> origins, LocalDate optOutsOn) {
        List<ExclusionQueries.ExclusionQuery> queries = new ArrayList<>();
        queries.add(query(ExclusionReason.LOCAL_OBJECTION, ExclusionQueryBuilder::localObjections, optOutsOn));
        if (policy.optOuts().type1() == Applicability.APPLIES && origins.contains(DataOrigin.GP)) {
            queries.add(query(ExclusionReason.TYPE1_OPT_OUT, ExclusionQueryBuilder::type1OptOuts, optOutsOn));
        }
        return new ExclusionQueries(queries);
    }

    private static ExclusionQueries.ExclusionQuery query(
            ExclusionReason reason, Function<Param<LocalDate>, Select<?>> builder, LocalDate optOutsOn) {
        Select<?> select = builder.apply(SqlText.optOutsOn(optOutsOn));
        return new ExclusionQueries.ExclusionQuery(reason, SqlText.template(select), SqlText.inlined(select));
    }

    /** Objections recorded on or before the day opt-outs are checked on and not withdrawn by then. */
    static Select<?> localObjections(Param<LocalDate> optOutsOn) {
        return selectDistinct(SourceCatalog.linkKey(PERSON.NHS_NUMBER).as(NHS_NUMBER))
                .from(LOCAL_OBJECTION)
                .join(PERSON).on(PERSON.PERSON_ID.eq(LOCAL_OBJECTION.PERSON_ID))
                .where(PERSON.NHS_NUMBER.isNotNull())
                .and(objectionInForce(optOutsOn));
    }

    /**
     * Whether an objection in force on the day opt-outs are checked on was recorded against the council person record
     * {@code councilRecord}: the register names the council record, so this holds for the record's rows whatever
     * its NHS number (missing, invalid or valid), where {@link #localObjections} reaches the person's other
     * records through a valid number.
     */
    public static Field<Boolean> objectionOnRecord(Field<Long> councilRecord, Param<LocalDate> optOutsOn) {
        return field(exists(selectOne().from(LOCAL_OBJECTION)
                .where(LOCAL_OBJECTION.PERSON_ID.eq(requireNonNull(councilRecord, "councilRecord is null")))
                .and(objectionInForce(requireNonNull(optOutsOn, "optOutsOn is null")))));
    }

    /** An objection recorded on or before the day opt-outs are checked on and not withdrawn by then. */
    static Condition objectionInForce(Param<LocalDate> optOutsOn) {
        return LOCAL_OBJECTION.RECORDED_DATE.le(optOutsOn)
                .and(LOCAL_OBJECTION.WITHDRAWN_DATE.isNull().or(LOCAL_OBJECTION.WITHDRAWN_DATE.gt(optOutsOn)));
    }

    /**
     * People whose latest-dated GP opt-out code on or before the day opt-outs are checked on is a dissent. On a tie the
     * dissent wins: when the record cannot say which came last, fail closed.
     */
    static Select<?> type1OptOuts(Param<LocalDate> optOutsOn) {
        var code = Tables.TYPE1_OPT_OUT_CODE;
        Field<String> key = SourceCatalog.linkKey(GP_OPT_OUT_RECORD.NHS_NUMBER);
        Field<Integer> rank = rowNumber().over()
                .partitionBy(key)
                .orderBy(GP_OPT_OUT_RECORD.RECORDED_DATE.desc(), code.MEANING.eq(inline("dissent")).desc());
        Table<?> latest = select(key.as(NHS_NUMBER), code.MEANING, rank.as("rank"))
                .from(GP_OPT_OUT_RECORD)
                .join(code).on(code.CODE.eq(GP_OPT_OUT_RECORD.CODE))
                .where(GP_OPT_OUT_RECORD.RECORDED_DATE.le(optOutsOn))
                .asTable("latest");
        return select(latest.field(NHS_NUMBER, String.class))
                .from(latest)
                .where(latest.field("rank", Integer.class).eq(1))
                .and(latest.field(code.MEANING.getName(), String.class).eq("dissent"));
    }
}
