package org.trex.optout;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.trex.source.jooq.opt_out.Tables.NATIONAL_DATA_ALLOW_LIST;
import static org.trex.source.jooq.opt_out.Tables.NATIONAL_DATA_OPT_OUT_CHECK;

import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.trex.source.SourceCatalog;
import org.trex.source.jooq.opt_out.tables.NationalDataAllowList;

/**
 * The jOOQ queries over the national data opt-out allow lists (the numbers NHS England's service said may be
 * used), for runs, plans and whatever else must compare lists. They all stay inside PostgreSQL: none returns a
 * list to the caller except {@link #numbersOn} and {@link #droppedOff}, which are for governance work on the
 * database's own machine (never for a run).
 */
public final class AllowListQueries {
    /** The column {@link #numbersOn} and {@link #droppedOff} return: a normalised NHS number. */
    public static final String NHS_NUMBER = "nhs_number";

    private AllowListQueries() {
    }

    /** The date of the newest allow list dated on or before {@code date}; null when there is none. */
    public static Field<LocalDate> latestListDate(Field<LocalDate> date) {
        requireNonNull(date, "date is null");
        return DSL.field(select(max(NATIONAL_DATA_OPT_OUT_CHECK.LIST_DATE))
                .from(NATIONAL_DATA_OPT_OUT_CHECK)
                .where(NATIONAL_DATA_OPT_OUT_CHECK.LIST_DATE.le(date))
                .and(NATIONAL_DATA_OPT_OUT_CHECK.NUMBERS_RETURNED.isNotNull()));
    }

    /** The numbers on the allow list of {@code listDate}. */
    public static Select<Record1<String>> numbersOn(Field<LocalDate> listDate) {
        return select(NATIONAL_DATA_ALLOW_LIST.NHS_NUMBER.as(NHS_NUMBER))
                .from(NATIONAL_DATA_ALLOW_LIST)
                .where(NATIONAL_DATA_ALLOW_LIST.LIST_DATE.eq(requireNonNull(listDate, "listDate is null")));
    }

    /**
     * Numbers on the {@code earlier} list that are not on the {@code later} one: they opted out in between, or
     * were not sent the second time. Either way they may no longer be used.
     */
    public static Select<Record1<String>> droppedOff(LocalDate earlier, LocalDate later) {
        NationalDataAllowList after = NATIONAL_DATA_ALLOW_LIST.as("later");
        return select(NATIONAL_DATA_ALLOW_LIST.NHS_NUMBER.as(NHS_NUMBER))
                .from(NATIONAL_DATA_ALLOW_LIST)
                .where(NATIONAL_DATA_ALLOW_LIST.LIST_DATE.eq(requireNonNull(earlier, "earlier is null")))
                .andNotExists(select(DSL.inline(1)).from(after)
                        .where(after.LIST_DATE.eq(requireNonNull(later, "later is null")))
                        .and(after.NHS_NUMBER.eq(NATIONAL_DATA_ALLOW_LIST.NHS_NUMBER)));
    }

    /**
     * The allow list joined to a source row: LEFT JOIN {@link #table()} ON {@link #on()}, then
     * {@link #onList()} says whether the row's number is on the newest list dated on or before the as-of date.
     * The list's primary key (list date, number) lets a row meet at most one list row, so the join never
     * repeats a source row.
     */
    public record Join(Table<?> table, Condition on, Field<Boolean> onList) {
        public Join {
            requireNonNull(table, "table is null");
            requireNonNull(on, "on is null");
            requireNonNull(onList, "onList is null");
        }
    }

    /** The join for a source NHS number column, as of {@code asOf}; {@code alias} names the list in the SQL. */
    public static Join join(Field<String> rawNhsNumber, Field<LocalDate> asOf, String alias) {
        NationalDataAllowList list = NATIONAL_DATA_ALLOW_LIST.as(requireNonNull(alias, "alias is null"));
        Condition on = list.LIST_DATE.eq(latestListDate(asOf))
                .and(list.NHS_NUMBER.eq(SourceCatalog.linkKey(requireNonNull(rawNhsNumber, "rawNhsNumber is null"))));
        return new Join(list, on, DSL.field(list.NHS_NUMBER.isNotNull()));
    }
}
