package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.trex.nhs.NhsNumber;

/**
 * The exclusions in force for one run: which normalised NHS numbers objected locally or opted out at their GP
 * (Type 1), and the national data opt-out as a fact about each row: whether its number is on the allow list,
 * which the row's own SELECT finds inside PostgreSQL, so the allow list is never held here. Fail closed: a record
 * that cannot be checked is left out. Serializable so Spark can broadcast it to every task.
 *
 * <p>It classifies every source row, so it works on the value's UTF-8 bytes and keeps the opted-out numbers
 * as longs in an open-addressing table: one probe into one array, where a map of strings cost a string,
 * its hash and several scattered reads a row.
 */
public final class ExclusionRules implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long EMPTY = -1;
    private static final ExclusionReason[] REASONS = ExclusionReason.values();

    private final long[] numbers;
    private final byte[] reasons;
    private final int mask;

    /**
     * {@code optedOut} maps normalised numbers to their reason; a value that is not a valid number can match no record.
     */
    public ExclusionRules(Map<String, ExclusionReason> optedOut) {
        requireNonNull(optedOut, "optedOut is null");
        int capacity = Integer.highestOneBit(Math.max(16, optedOut.size() * 2 - 1)) << 1;
        this.numbers = new long[capacity];
        this.reasons = new byte[capacity];
        this.mask = capacity - 1;
        Arrays.fill(numbers, EMPTY);
        optedOut.forEach((number, reason) -> {
            requireNonNull(reason, "reason is null");
            if (reason == ExclusionReason.NATIONAL_DATA_OPT_OUT_OR_UNCHECKED) {
                throw new IllegalArgumentException("Cannot hold national data opt-outs as numbers: the allow list is "
                        + "checked in each row's SELECT");
            }
            long value = NhsNumber.isValidNormalised(number) ? Long.parseLong(number) : EMPTY;
            if (value != EMPTY) {
                int slot = slotOf(value);
                numbers[slot] = value;
                reasons[slot] = (byte) reason.ordinal();
            }
        });
    }

    /**
     * Why the record with this raw NHS number is left out, or null when it is kept. {@code onAllowList} is whether
     * its number is on the national allow list the run uses (always true when the policy exempts the extract);
     * {@code record} whether an objection is in force against the council record the row belongs to.
     */
    public ExclusionReason classify(String rawNhsNumber, boolean onAllowList, CouncilRecordObjection record) {
        if (rawNhsNumber == null) {
            return record == CouncilRecordObjection.IN_FORCE ? ExclusionReason.LOCAL_OBJECTION
                    : ExclusionReason.MISSING_NHS_NUMBER;
        }
        byte[] utf8 = rawNhsNumber.getBytes(StandardCharsets.UTF_8);
        return classify(utf8, 0, utf8.length, onAllowList, record);
    }

    /**
     * As {@link #classify(String, boolean, CouncilRecordObjection)}, for the UTF-8 bytes of a present value. An
     * objection against the row's council record comes first: the person objected, whatever the record's number,
     * so the row is counted as an objection, not as a missing or invalid number (see {@link ExclusionReason}).
     */
    public ExclusionReason classify(byte[] utf8, int offset, int length, boolean onAllowList,
            CouncilRecordObjection record) {
        if (record == CouncilRecordObjection.IN_FORCE) {
            return ExclusionReason.LOCAL_OBJECTION;
        }
        long number = NhsNumber.numberIn(utf8, offset, length);
        if (number == NhsNumber.MISSING) {
            return ExclusionReason.MISSING_NHS_NUMBER;
        }
        if (number == NhsNumber.INVALID) {
            return ExclusionReason.INVALID_NHS_NUMBER;
        }
        int slot = slotOf(number);
        ExclusionReason listed = numbers[slot] == EMPTY ? null : REASONS[reasons[slot]];
        if (listed == ExclusionReason.LOCAL_OBJECTION || onAllowList) {
            return listed;
        }
        return ExclusionReason.NATIONAL_DATA_OPT_OUT_OR_UNCHECKED;
    }

    /** The slot holding {@code number}, or the empty slot where it would go. */
    private int slotOf(long number) {
        int slot = (int) mix(number) & mask;
        while (numbers[slot] != EMPTY && numbers[slot] != number) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Spreads the numbers' bits (Stafford's variant 13 of the MurmurHash3 finaliser). */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
