package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.OptionalLong;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.trex.optout.ExclusionReason;
import org.trex.optout.ExclusionRules;

/**
 * The exclusions as Spark columns: the reason a row is left out, from its raw NHS number, and the filter
 * that keeps the other rows and tallies the ones it drops. Both are called by Spark's generated code (see
 * {@link JavaCalls}), so the class and those methods are public; the filter has a side effect, so Spark runs
 * it once a row, where it stands.
 */
public final class ExclusionCheck implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final UTF8String[] CODES = codes();
    /** A count key is the first 64 bits of the person's pseudonym. */
    private static final int COUNT_KEY_DIGITS = 16;

    private final Broadcast<ExclusionRules> rules;
    private final ExclusionTally tally;

    ExclusionCheck(Broadcast<ExclusionRules> rules, ExclusionTally tally) {
        this.rules = requireNonNull(rules, "rules is null");
        this.tally = requireNonNull(tally, "tally is null");
    }

    /** The reason code of a row with this raw NHS number, null when it is kept. */
    Column reason(Column rawNhsNumber) {
        return JavaCalls.call(this, "reasonOf", DataTypes.StringType, JavaCalls.Nulls.PASS_IN, JavaCalls.Effects.NONE,
                rawNhsNumber.cast(DataTypes.StringType));
    }

    /** True for rows with no reason; the others are tallied with their count key and dropped. */
    Column keep(Column reason, Column countKey) {
        return JavaCalls.call(this, "keepOrTally", DataTypes.BooleanType, JavaCalls.Nulls.PASS_IN, JavaCalls.Effects.SIDE_EFFECTS,
                reason, countKey);
    }

    /** Called by generated code. */
    public UTF8String reasonOf(UTF8String rawNhsNumber) {
        ExclusionReason why;
        if (rawNhsNumber == null) {
            why = ExclusionReason.MISSING_NHS_NUMBER;
        } else {
            Utf8Slice raw = Utf8Slice.of(rawNhsNumber);
            why = rules.value().classify(raw.array(), raw.offset(), raw.length());
        }
        return why == null ? null : CODES[why.ordinal()];
    }

    /** Called by generated code. */
    public boolean keepOrTally(UTF8String reason, UTF8String countKey) {
        if (reason == null) {
            return true;
        }
        tally.add(new ExclusionTally.LeftOut(reasonCoded(reason),
                countKey == null ? OptionalLong.empty() : OptionalLong.of(HexRangeBuckets.leading(countKey, COUNT_KEY_DIGITS))));
        return false;
    }

    private static ExclusionReason reasonCoded(UTF8String code) {
        for (ExclusionReason reason : ExclusionReason.values()) {
            if (CODES[reason.ordinal()].equals(code)) {
                return reason;
            }
        }
        throw new IllegalStateException("Cannot tally a row left out for reason " + code + ": no such reason");
    }

    @Override
    public String toString() {
        return "trex_exclusions";
    }

    private static UTF8String[] codes() {
        ExclusionReason[] reasons = ExclusionReason.values();
        UTF8String[] codes = new UTF8String[reasons.length];
        for (ExclusionReason reason : reasons) {
            codes[reason.ordinal()] = UTF8String.fromString(reason.code());
        }
        return codes;
    }
}
