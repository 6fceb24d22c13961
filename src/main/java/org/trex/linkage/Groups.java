package org.trex.linkage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The groups the section compares: age bands (the published ASCOF breakdowns for older people, and children
 * and working-age adults apart) and ethnicity groups (the 2021 census's high-level groups, into which both the
 * NHS ethnic category codes and the council's census wording fall).
 */
public final class Groups {
    /** Age bands, youngest first; each starts at the matching age in {@link #AGE_BAND_STARTS}. */
    public static final List<String> AGE_BANDS = List.of("0-17", "18-64", "65-74", "75-84", "85+");
    /** The age at which each of {@link #AGE_BANDS} starts. */
    public static final List<Integer> AGE_BAND_STARTS = List.of(0, 18, 65, 75, 85);
    /** The group of events whose age (or other value) is not known. */
    public static final String UNKNOWN = "Not known";
    /** The group, in a dimension read from the linked council record, of events that link to none. */
    public static final String NO_COUNCIL_RECORD = "No council record";
    /** Ethnicity groups, in the order of the census. */
    public static final List<String> ETHNICITY_GROUPS =
            List.of("White", "Mixed", "Asian", "Black", "Other", "Not stated");

    /** A band of whole years as an aggregate writes it: "65-69", or "90+" for a top band. */
    private static final Pattern BAND = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3})|\\+)");
    private static final Map<String, String> BY_CATEGORY = Map.ofEntries(
            Map.entry("A", "White"), Map.entry("B", "White"), Map.entry("C", "White"),
            Map.entry("D", "Mixed"), Map.entry("E", "Mixed"), Map.entry("F", "Mixed"), Map.entry("G", "Mixed"),
            Map.entry("H", "Asian"), Map.entry("J", "Asian"), Map.entry("K", "Asian"), Map.entry("L", "Asian"),
            Map.entry("R", "Asian"), Map.entry("M", "Black"), Map.entry("N", "Black"), Map.entry("P", "Black"),
            Map.entry("S", "Other"), Map.entry("Z", "Not stated"), Map.entry("99", "Not stated"));

    private Groups() {
    }

    /** The age band of an age in whole years. */
    public static String ageBand(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("Cannot band a negative age: an age is 0 or more");
        }
        for (int i = AGE_BAND_STARTS.size() - 1; i > 0; i--) {
            if (age >= AGE_BAND_STARTS.get(i)) {
                return AGE_BANDS.get(i);
            }
        }
        return AGE_BANDS.get(0);
    }

    /**
     * The age bands of the section that an aggregate's age band spans ("65-69" lies in 65-74, "15-19" spans 0-17 and
     * 18-64, "90+" lies in 85+), "Not known" for the blank band; every band for a value that is no band of ages.
     */
    public static Set<String> ageBandsSpanned(String band) {
        if (band == null) {
            return Set.of(UNKNOWN);
        }
        Matcher ages = BAND.matcher(band);
        if (!ages.matches()) {
            return Set.copyOf(AGE_BANDS);
        }
        int first = AGE_BANDS.indexOf(ageBand(Integer.parseInt(ages.group(1))));
        int last = ages.group(2) == null ? AGE_BANDS.size() - 1
                : AGE_BANDS.indexOf(ageBand(Integer.parseInt(ages.group(2))));
        return last < first ? Set.copyOf(AGE_BANDS) : Set.copyOf(AGE_BANDS.subList(first, last + 1));
    }

    /**
     * The ethnicity group of an NHS ethnic category code (Chinese, R, is in the Asian group as in the 2021
     * census); "Not stated" for a code that says nothing or is not a category.
     */
    public static String ethnicityGroup(String category) {
        return category == null ? "Not stated"
                : BY_CATEGORY.getOrDefault(category.strip().toUpperCase(Locale.ROOT), "Not stated");
    }

    /** The ethnicity group named by its own word (any case), as a generator option names it. */
    public static Optional<String> ethnicityGroupNamed(String name) {
        return ETHNICITY_GROUPS.stream().filter(g -> g.equalsIgnoreCase(name.strip())).findFirst();
    }
}
