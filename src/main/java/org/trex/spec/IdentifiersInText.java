package org.trex.spec;

import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trex.nhs.NhsNumber;

/**
 * What in a text looks like a person's NHS number or full postcode, as {@code trex verify} reads the files around an
 * extract's data and as a spec's words are checked before they can reach them.
 */
public final class IdentifiersInText {
    // Digits on either side mean a longer number; letters may touch it (NHSNo9990000018), as a hash's may not.
    private static final Pattern NHS_LIKE = Pattern.compile("(?<!\\d)\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?!\\d)");
    // A token of hex digits this long is a hash or key ID, whose digit runs are no one's number.
    private static final int HASH_LENGTH = 16;
    // A key's fingerprint (43 characters) or a line of an SSH signature (64) in base64: random letters and digits,
    // between '+' and '/', spell a postcode's shape by chance (one run in a few hundred signed), a person's never.
    private static final int ENCODED_LENGTH = 32;
    private static final String REDACTED = "[redacted]";
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
    // A run ID's groups are shorter than a hash, and its last one (twelve hex digits) may hold ten digits in a row.
    private static final Pattern UUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    // A full postcode (outward and inward code); a postcode district alone (e.g. LS1) is allowed in extracts.
    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![0-9A-Za-z])(GIR ?0AA|[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][ABD-HJLNP-UW-Z]{2})(?![0-9A-Za-z])");
    // Written in small letters, only with its space: no area starts with Q, V or X.
    private static final Pattern POSTCODE_ANY_CASE = Pattern.compile(
            "(?<![0-9A-Za-z])[a-pr-uwyz][a-z]?[0-9][0-9a-z]? [0-9][abd-hjlnp-uw-z]{2}(?![0-9A-Za-z])",
            Pattern.CASE_INSENSITIVE);

    private IdentifiersInText() {
    }

    /** What the text holds that looks like an identifier ("an NHS number", "a postcode"), never the value itself. */
    public static Optional<String> found(String text) {
        if (holdsNhsNumber(text)) {
            return Optional.of("an NHS number");
        }
        if (holdsPostcode(text)) {
            return Optional.of("a postcode");
        }
        return Optional.empty();
    }

    /** Whether the text holds a valid NHS number, spaced or not, outside a hash. */
    public static boolean holdsNhsNumber(String text) {
        return !numbersRedacted(text).equals(text);
    }

    /** The text with each NHS number and full postcode it holds replaced by {@code [redacted]}. */
    public static String redacted(String text) {
        String numbers = numbersRedacted(text);
        String postcodes = POSTCODE.matcher(numbers).replaceAll(found -> redactedUnlessEncoded(numbers, found));
        return POSTCODE_ANY_CASE.matcher(postcodes).replaceAll(found -> redactedUnlessEncoded(postcodes, found));
    }

    private static String numbersRedacted(String text) {
        // Run IDs are blanked only where numbers are looked for, so the text keeps them.
        String outsideIds = UUID.matcher(text).replaceAll(id -> "-".repeat(id.group().length()));
        StringBuilder result = new StringBuilder();
        Matcher nhs = NHS_LIKE.matcher(outsideIds);
        int at = 0;
        while (nhs.find()) {
            if (!inHash(outsideIds, nhs.start()) && NhsNumber.isValidNormalised(NhsNumber.normalise(nhs.group()))) {
                result.append(text, at, nhs.start()).append(REDACTED);
                at = nhs.end();
            }
        }
        return result.append(text.substring(at)).toString();
    }

    /** Whether the text holds a full postcode: in capitals with or without its space, in small letters with it. */
    public static boolean holdsPostcode(String text) {
        return POSTCODE.matcher(text).results().anyMatch(found -> !encoded(text, found))
                || POSTCODE_ANY_CASE.matcher(text).results().anyMatch(found -> !encoded(text, found));
    }

    private static String redactedUnlessEncoded(String text, MatchResult found) {
        return Matcher.quoteReplacement(encoded(text, found) ? found.group() : REDACTED);
    }

    /** Whether a match lies inside a run of base64 long enough to be a signature's or a fingerprint's. */
    private static boolean encoded(String text, MatchResult found) {
        int start = found.start();
        while (start > 0 && isBase64(text.charAt(start - 1))) {
            start--;
        }
        int end = found.end();
        while (end < text.length() && isBase64(text.charAt(end))) {
            end++;
        }
        return end - start >= ENCODED_LENGTH;
    }

    private static boolean isBase64(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=');
    }

    private static boolean inHash(String text, int at) {
        int start = at;
        while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return end - start >= HASH_LENGTH && HEX.matcher(text.substring(start, end)).matches();
    }
}
