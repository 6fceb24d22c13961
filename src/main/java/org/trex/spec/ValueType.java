package org.trex.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * The type of a variable's value, or of a part of its definition. The five declarable types map onto the
 * policy's field categories, so the policy's allowed forms apply to variables as to source fields.
 */
public enum ValueType {
    FLAG("flag"),
    DAYS("days"),
    DATE("date"),
    CODE("code"),
    COUNT("count"),
    /** A whole number written in the definition: it fits where days or a count are expected. */
    NUMBER("number"),
    /** A source amount (costs, units): compared, never a variable's value. */
    AMOUNT("amount"),
    /** An identifier, NHS number, date of birth or postcode: only tested for being blank. */
    PERSONAL("personal");

    private final String yamlName;

    ValueType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Whether a variable may be declared with this type. */
    public boolean declarable() {
        return ordinal() <= COUNT.ordinal();
    }

    /** Whether a value of type {@code other} can stand where this type is expected. */
    public boolean accepts(ValueType other) {
        return this == other || (other == NUMBER && (this == DAYS || this == COUNT || this == AMOUNT))
                || (this == NUMBER && (other == DAYS || other == COUNT || other == AMOUNT));
    }

    /** Whether values of this type are ordered (compared with at_least, before, ...). */
    public boolean ordered() {
        return this == DAYS || this == DATE || this == COUNT || this == NUMBER || this == AMOUNT;
    }

    /** The policy category of a declarable type. */
    public FieldCategory category() {
        return switch (this) {
            case FLAG -> FieldCategory.FLAG;
            case DAYS -> FieldCategory.DAYS;
            case DATE -> FieldCategory.DATE;
            case CODE -> FieldCategory.CODE;
            case COUNT -> FieldCategory.COUNT;
            case NUMBER, AMOUNT, PERSONAL -> throw new IllegalStateException("Cannot map type " + yamlName
                    + " to a field category: only flag, days, date, code and count are declared");
        };
    }

    /** The type a source field of a category has in a definition. */
    public static ValueType of(FieldCategory category) {
        return switch (category) {
            case FLAG -> FLAG;
            case DAYS -> DAYS;
            case DATE -> DATE;
            case CODE -> CODE;
            case COUNT -> COUNT;
            case AMOUNT -> AMOUNT;
            case NHS_NUMBER, IDENTIFIER, DATE_OF_BIRTH, POSTCODE -> PERSONAL;
        };
    }

    /** The declarable type with this name, if any. */
    public static Optional<ValueType> declared(String name) {
        return Arrays.stream(values()).filter(t -> t.declarable() && t.yamlName.equals(name)).findFirst();
    }
}
