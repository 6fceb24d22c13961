package org.trex.generate;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.regexpReplaceAll;
import static org.jooq.impl.DSL.substring;
import static org.jooq.impl.DSL.when;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** {@link org.trex.nhs.NhsNumber}'s normalisation and Modulus 11 check as jOOQ expressions, run in the database. */
public final class NhsNumberSql {
    private NhsNumberSql() {
    }

    /** Spaces and dashes removed; NULL when nothing is left. */
    public static Field<String> normalised(Field<String> raw) {
        return nullif(regexpReplaceAll(raw, "[ -]", ""), inline(""));
    }

    /** True when a normalised value is ten digits with a correct check digit; false (not NULL) otherwise. */
    public static Condition valid(Field<String> normalised) {
        Field<Integer> sum = inline(0);
        for (int i = 1; i <= 9; i++) {
            sum = sum.plus(digit(normalised, i).times(inline(11 - i)));
        }
        Field<Integer> check = inline(11).minus(sum.mod(inline(11))).mod(inline(11));
        // CASE keeps the casts from running on values that are not ten digits
        return when(normalised.likeRegex("^[0-9]{10}$"), check.eq(digit(normalised, 10))).else_(inline(false))
                .isTrue();
    }

    private static Field<Integer> digit(Field<String> normalised, int position) {
        return substring(normalised, inline(position), inline(1)).cast(SQLDataType.INTEGER);
    }
}
