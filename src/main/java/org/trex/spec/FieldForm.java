package org.trex.spec;

import java.util.Arrays;
import java.util.Optional;

/** The form in which a source field leaves in an extract. */
public enum FieldForm {
    /** Keyed-hash pseudonym (identifiers only). */
    PSEUDONYM("pseudonym"),
    /** The value unchanged. */
    AS_IS("as_is"),
    /** A date of birth reduced to its year. */
    YEAR_OF_BIRTH("year_of_birth"),
    /** Age in five-year bands at the index date (top band 90+). */
    AGE_BAND("age_band"),
    /** A postcode reduced to its outward code (district), {@code LE1 5WW} to {@code LE1}. */
    POSTCODE_DISTRICT("postcode_district"),
    /** A date reduced to its month, {@code YYYY-MM}. */
    MONTH("month"),
    /** A date as whole days after (positive) or before (negative) the index date. */
    DAYS_FROM_INDEX("days_from_index"),
    /** A number of days in the published discharge-delay bands: 0, 1, 2-3, 4-6, 7-13, 14-20, 21+. */
    DELAY_BAND("delay_band");

    private final String yamlName;

    FieldForm(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used in specs and policies. */
    public String yamlName() {
        return yamlName;
    }

    /** The form with this spec name, if any. */
    public static Optional<FieldForm> fromYaml(String name) {
        return Arrays.stream(values()).filter(f -> f.yamlName.equals(name)).findFirst();
    }
}
