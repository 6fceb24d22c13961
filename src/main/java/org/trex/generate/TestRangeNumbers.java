package org.trex.generate;

import static org.trex.generate.SyntheticData.DASHED_NUMBER_RATE;
import static org.trex.generate.SyntheticData.SPACED_NUMBER_RATE;

import java.util.SplittableRandom;
import org.trex.nhs.NhsNumber;

/** NHS numbers of the 999 test range, as the synthetic population is given them and as sources write them. */
final class TestRangeNumbers {
    private TestRangeNumbers() {
    }

    /** The number with this six-digit suffix after 999, with its check digit. */
    static String number(int suffix) {
        String nine = nineDigits(suffix);
        return nine + NhsNumber.checkDigit(nine);
    }

    /** The true number with its check digit mistyped: same 999 prefix, never valid. */
    static String badCheckDigit(String nhs, SplittableRandom r) {
        int check = nhs.charAt(9) - '0';
        return nhs.substring(0, 9) + (check + 1 + r.nextInt(9)) % 10;
    }

    /** Numbers as councils hold them: mostly bare digits, some in 3 3 4 groups with spaces or dashes. */
    static String asCouncilsHoldThem(String nhs, SplittableRandom r) {
        double u = r.nextDouble();
        if (nhs == null || u >= SPACED_NUMBER_RATE + DASHED_NUMBER_RATE) {
            return nhs;
        }
        return spaced(nhs, u < SPACED_NUMBER_RATE ? ' ' : '-');
    }

    /** In 3 3 4 groups with {@code sep} between them. */
    static String spaced(String nhs, char sep) {
        return nhs.substring(0, 3) + sep + nhs.substring(3, 6) + sep + nhs.substring(6);
    }

    private static String nineDigits(int suffix) {
        char[] digits = {'9', '9', '9', '0', '0', '0', '0', '0', '0'};
        for (int i = 8, rest = suffix; rest > 0; i--, rest /= 10) {
            digits[i] = (char) ('0' + rest % 10);
        }
        return new String(digits);
    }

    /**
     * The suffixes in their order but 999999's: 9999999999 has a check digit but is a placeholder, no valid number.
     * Taken out after the shuffle, not before, so that everyone else keeps the number a seed has always given them.
     */
    static int[] withoutPlaceholder(int[] suffixes) {
        return java.util.Arrays.stream(suffixes).filter(s -> NhsNumber.isValidNormalised(number(s))).toArray();
    }

    /** The suffixes after 999 that have a check digit (one of them a placeholder: {@link #withoutPlaceholder}). */
    static int[] validSuffixes() {
        int[] all = new int[1_000_000];
        int n = 0;
        for (int suffix = 0; suffix < 1_000_000; suffix++) {
            if (NhsNumber.checkDigit(nineDigits(suffix)) >= 0) {
                all[n++] = suffix;
            }
        }
        return java.util.Arrays.copyOf(all, n);
    }
}
