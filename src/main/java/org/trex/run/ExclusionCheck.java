package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.OptionalLong;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.trex.nhs.NhsNumber;
import org.trex.optout.CouncilRecordObjection;
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
    private static final ExclusionReason[] REASONS = ExclusionReason.values();
    /** The reason column's value for a row that is kept: reasons are their enum ordinals, never negative. */
    private static final int KEPT = -1;
    /** A count key is the first 64 bits of the person's pseudonym. */
    private static final int COUNT_KEY_DIGITS = 16;

    private final Broadcast<ExclusionRules> rules;
    private final ExclusionTally tally;

    ExclusionCheck(Broadcast<ExclusionRules> rules, ExclusionTally tally) {
        this.rules = requireNonNull(rules, "rules is null");
        this.tally = requireNonNull(tally, "tally is null");
    }

    /**
     * The reason a row with this raw NHS number is left out, as its ordinal; {@code KEPT} when it is kept.
     * {@code onAllowList} and {@code recordObjection} are the row's flags from its SELECT: whether its number is on
     * the national allow list, and whether an objection is in force against its council record.
     */
    Column reason(Column rawNhsNumber, Column onAllowList, Column recordObjection) {
        return JavaCalls.call(this, "reasonOf", DataTypes.IntegerType, JavaCalls.Nulls.PASS_IN, JavaCalls.Effects.NONE,
                rawNhsNumber.cast(DataTypes.StringType), onAllowList, recordObjection);
    }

    /** Whether a {@link #reason} column says the row is left out. */
    static Column leftOut(Column reason) {
        return reason.notEqual(KEPT);
    }

    /**
     * Whether a row's raw NHS number is a valid one: only then is the row a person's to count. An invalid number
     * tells no one apart (a placeholder many share, a mistyped one), nor does a missing one, whatever left the row out.
     */
    Column validNumber(Column rawNhsNumber) {
        return JavaCalls.call(this, "isValidNumber", DataTypes.BooleanType, JavaCalls.Nulls.PASS_IN,
                JavaCalls.Effects.NONE, rawNhsNumber.cast(DataTypes.StringType));
    }

    /** Called by generated code. */
    public boolean isValidNumber(UTF8String rawNhsNumber) {
        if (rawNhsNumber == null) {
            return false;
        }
        Utf8Slice raw = Utf8Slice.of(rawNhsNumber);
        return NhsNumber.numberIn(raw.array(), raw.offset(), raw.length()) >= 0;
    }

    /** True for rows with no reason; the others are tallied with their count key and dropped. */
    Column keep(Column reason, Column countKey) {
        return JavaCalls.call(this, "keepOrTally", DataTypes.BooleanType, JavaCalls.Nulls.PASS_IN,
                JavaCalls.Effects.SIDE_EFFECTS,
                reason, countKey);
    }

    /** Called by generated code. */
    public int reasonOf(UTF8String rawNhsNumber, boolean onAllowList, boolean recordObjection) {
        CouncilRecordObjection record = CouncilRecordObjection.of(recordObjection);
        ExclusionReason why;
        if (rawNhsNumber == null) {
            why = rules.value().classify(null, onAllowList, record);
        } else {
            Utf8Slice raw = Utf8Slice.of(rawNhsNumber);
            why = rules.value().classify(raw.array(), raw.offset(), raw.length(), onAllowList, record);
        }
        return why == null ? KEPT : why.ordinal();
    }

    /** Called by generated code. */
    public boolean keepOrTally(int reason, UTF8String countKey) {
        if (reason == KEPT) {
            return true;
        }
        tally.add(new ExclusionTally.LeftOut(REASONS[reason],
                countKey == null ? OptionalLong.empty()
                : OptionalLong.of(HexRangeBuckets.leading(countKey, COUNT_KEY_DIGITS))));
        return false;
    }

    @Override
    public String toString() {
        return "trex_exclusions";
    }
}
