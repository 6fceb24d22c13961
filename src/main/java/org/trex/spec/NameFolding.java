package org.trex.spec;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Organisation names as a person reads them, for the requester check: a name that looks the same must compare the
 * same, whatever its spacing, punctuation, accents, invisible characters or Cyrillic and Greek look-alike letters,
 * since a requester who gets past the check can have their own organisation approve their extract.
 */
final class NameFolding {
    private static final Pattern MARKS_AND_INVISIBLES = Pattern.compile("[\\p{M}\\p{Cf}]+");
    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");
    /**
     * Cyrillic and Greek letters drawn like Latin ones, each to the Latin letter it passes for (after
     * decomposition, so accented forms such as {@code ё} are covered by their base letter), and the Latin letters
     * decomposition leaves whole though they pass for plain ones (dotless i, barred or stroked letters). Upper and
     * lower case are listed apart because some letters pass for Latin only in one case (Cyrillic Н is H, н is not h).
     */
    private static final Map<Character, Character> LOOKALIKES = Map.ofEntries(
            Map.entry('А', 'A'), Map.entry('В', 'B'), Map.entry('Е', 'E'), Map.entry('К', 'K'), Map.entry('М', 'M'),
            Map.entry('Н', 'H'), Map.entry('О', 'O'), Map.entry('Р', 'P'), Map.entry('С', 'C'), Map.entry('Т', 'T'),
            Map.entry('У', 'Y'), Map.entry('Х', 'X'), Map.entry('І', 'I'), Map.entry('Ј', 'J'), Map.entry('Ѕ', 'S'),
            Map.entry('Ԁ', 'D'), Map.entry('Ԛ', 'Q'), Map.entry('Ԝ', 'W'), Map.entry('Ү', 'Y'), Map.entry('Һ', 'H'),
            Map.entry('Ӏ', 'I'),
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'), Map.entry('ј', 'j'), Map.entry('ѕ', 's'),
            Map.entry('ԁ', 'd'), Map.entry('ԛ', 'q'), Map.entry('ԝ', 'w'), Map.entry('һ', 'h'), Map.entry('ӏ', 'l'),
            Map.entry('ү', 'y'), Map.entry('к', 'k'), Map.entry('п', 'n'),
            Map.entry('Α', 'A'), Map.entry('Β', 'B'), Map.entry('Ε', 'E'), Map.entry('Ζ', 'Z'), Map.entry('Η', 'H'),
            Map.entry('Ι', 'I'), Map.entry('Κ', 'K'), Map.entry('Μ', 'M'), Map.entry('Ν', 'N'), Map.entry('Ο', 'O'),
            Map.entry('Ρ', 'P'), Map.entry('Τ', 'T'), Map.entry('Υ', 'Y'), Map.entry('Χ', 'X'),
            Map.entry('α', 'a'), Map.entry('ο', 'o'), Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('ν', 'v'),
            Map.entry('ρ', 'p'), Map.entry('υ', 'u'), Map.entry('χ', 'x'), Map.entry('γ', 'y'), Map.entry('ϲ', 'c'),
            Map.entry('ϳ', 'j'),
            Map.entry('ı', 'i'), Map.entry('ȷ', 'j'), Map.entry('ł', 'l'), Map.entry('Ł', 'L'), Map.entry('ø', 'o'),
            Map.entry('Ø', 'O'), Map.entry('đ', 'd'), Map.entry('Đ', 'D'), Map.entry('ħ', 'h'), Map.entry('Ħ', 'H'),
            Map.entry('ƚ', 'l'));

    private NameFolding() {
    }

    /** The name's words, lowercase Latin where a letter passes for Latin, one space apart. */
    static String folded(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = MARKS_AND_INVISIBLES.matcher(decomposed).replaceAll("");
        StringBuilder latin = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            latin.append(LOOKALIKES.getOrDefault(bare.charAt(i), bare.charAt(i)));
        }
        String lower = latin.toString().toLowerCase(Locale.ROOT);
        return NOT_A_WORD_CHARACTER.matcher(lower).replaceAll(" ").strip();
    }

    /**
     * The name, refused when its letters come from more than one script: a Cyrillic or Greek letter among Latin
     * ones is there to look like what it is not.
     */
    static String requireOneScript(String value, String what) {
        TreeSet<String> scripts = new TreeSet<>();
        value.codePoints().filter(Character::isLetter).mapToObj(UnicodeScript::of)
                .filter(script -> script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED)
                .map(script -> script.name().charAt(0) + script.name().substring(1).toLowerCase(Locale.ROOT))
                .forEach(scripts::add);
        if (scripts.size() > 1) {
            throw new IllegalArgumentException("Cannot use " + what + " '" + value + "': it mixes letters of "
                    + String.join(" and ", scripts) + " scripts, which can look alike; write it in one script");
        }
        return value;
    }
}
