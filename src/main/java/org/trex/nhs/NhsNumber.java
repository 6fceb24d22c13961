package org.trex.nhs;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A valid NHS number: ten digits whose tenth is the Modulus 11 check digit of the first nine.
 *
 * <p>{@link #toString()} never shows the digits, so an NHS number cannot leak into a log line or an
 * exception message by accident; {@link #digits()} is the one way to read them.
 */
public final class NhsNumber {
    /** What {@link #numberIn} answers for a value that is null or blank once normalised. */
    public static final long MISSING = -1;
    /** What {@link #numberIn} answers for a value that is present but not a valid NHS number. */
    public static final long INVALID = -2;
    private static final long REPEATED_DIGIT = 1_111_111_111L;

    private final String digits;

    private NhsNumber(String digits) {
        this.digits = digits;
    }

    /** Parses a raw value, or fails with a message that does not repeat the value. */
    public static NhsNumber parse(String raw) {
        requireNonNull(raw, "raw is null");
        return tryParse(raw).orElseThrow(() -> new IllegalArgumentException(
                "Cannot parse NHS number: " + NhsNumberStatus.of(raw).description()));
    }

    /** The valid number in a raw value, or empty when it is missing or invalid. */
    public static Optional<NhsNumber> tryParse(String raw) {
        String normalised = normalise(raw);
        return normalised != null && isValidNormalised(normalised)
                ? Optional.of(new NhsNumber(normalised))
                : Optional.empty();
    }

    /**
     * Removes spaces and dashes, and only those; returns null for null or blank input.
     * Anything else that is not a digit stays, so that the value is then invalid.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.indexOf(' ') < 0 && raw.indexOf('-') < 0) {
            return raw.isEmpty() ? null : raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != ' ' && c != '-') {
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * True when the value is exactly ten ASCII digits with a correct Modulus 11 check digit, not all the same. Each of
     * the ten numbers of one repeated digit passes the check (0000000000, 9999999999), but none is ever issued:
     * systems write them as placeholders, and linking on one would join different people as one.
     */
    public static boolean isValidNormalised(String value) {
        if (value == null || value.length() != 10) {
            return false;
        }
        int sum = 0;
        boolean repeated = true;
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
            repeated &= c == value.charAt(0);
        }
        int check = checkDigitOf(sum);
        return !repeated && check >= 0 && check == value.charAt(9) - '0';
    }

    /**
     * The number in a raw value's UTF-8 bytes, by the rules of {@link #normalise} and {@link #isValidNormalised}:
     * its ten digits as a long, else {@link #MISSING} or {@link #INVALID}. For code that checks every source row
     * and so makes no String of it.
     */
    public static long numberIn(byte[] utf8, int offset, int length) {
        requireNonNull(utf8, "utf8 is null");
        long number = 0;
        int digits = 0;
        boolean other = false;
        int sum = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = utf8[i];
            if (b == ' ' || b == '-') {
                continue;
            }
            if (b < '0' || b > '9' || digits == 10) {
                other = true;
                continue;
            }
            if (digits < 9) {
                sum += (b - '0') * (10 - digits);
            }
            number = number * 10 + (b - '0');
            digits++;
        }
        if (digits == 0 && !other) {
            return MISSING;
        }
        int check = checkDigitOf(sum);
        // Ten of one digit are exactly the multiples of 1111111111 below ten billion: placeholders, as above.
        return !other && digits == 10 && check >= 0 && check == number % 10 && number % REPEATED_DIGIT != 0
                ? number : INVALID;
    }

    /** The check digit that makes nine leading digits a valid number, or -1 when none does. */
    public static int checkDigit(String nineDigits) {
        requireNonNull(nineDigits, "nineDigits is null");
        if (nineDigits.length() != 9 || !nineDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Cannot compute check digit: expected 9 digits, got "
                    + nineDigits.length() + " characters");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        return checkDigitOf(sum);
    }

    /** Modulus 11 from the weighted sum of the nine leading digits (weights 10 down to 2); -1 when 10. */
    private static int checkDigitOf(int weightedSum) {
        int check = 11 - weightedSum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    /** The ten normalised digits. */
    public String digits() {
        return digits;
    }

    /** True for the 999 range reserved for testing. */
    public boolean isTestRange() {
        return digits.startsWith("999");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NhsNumber other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "NhsNumber[redacted]";
    }
}
