package org.trex.spec;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What kind of information a source field holds; policies allow forms per category. Each category
 * lists the forms that make sense for it at all (a policy may allow fewer, never more).
 */
public enum FieldCategory {
    NHS_NUMBER("nhs_number", EnumSet.of(FieldForm.PSEUDONYM, FieldForm.AS_IS)),
    IDENTIFIER("identifier", EnumSet.of(FieldForm.PSEUDONYM, FieldForm.AS_IS)),
    DATE_OF_BIRTH("date_of_birth", EnumSet.of(FieldForm.YEAR_OF_BIRTH, FieldForm.AGE_BAND, FieldForm.AS_IS)),
    POSTCODE("postcode", EnumSet.of(FieldForm.POSTCODE_DISTRICT, FieldForm.AS_IS)),
    DATE("date", EnumSet.of(FieldForm.MONTH, FieldForm.DAYS_FROM_INDEX, FieldForm.AS_IS)),
    DAYS("days", EnumSet.of(FieldForm.DELAY_BAND, FieldForm.AS_IS)),
    CODE("code", EnumSet.of(FieldForm.AS_IS)),
    FLAG("flag", EnumSet.of(FieldForm.AS_IS)),
    COUNT("count", EnumSet.of(FieldForm.AS_IS)),
    AMOUNT("amount", EnumSet.of(FieldForm.AS_IS));

    private final String yamlName;
    private final Set<FieldForm> possibleForms;

    FieldCategory(String yamlName, Set<FieldForm> possibleForms) {
        this.yamlName = yamlName;
        this.possibleForms = possibleForms;
    }

    /** The name used in policies. */
    public String yamlName() {
        return yamlName;
    }

    /** Every form a field of this category can take. */
    public Set<FieldForm> possibleForms() {
        return EnumSet.copyOf(possibleForms);
    }

    /** The category with this policy name, if any. */
    public static Optional<FieldCategory> fromYaml(String name) {
        return Arrays.stream(values()).filter(c -> c.yamlName.equals(name)).findFirst();
    }
}
