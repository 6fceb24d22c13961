package org.trex.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.trex.pseudonym.IdentifierKind;
import org.trex.spec.FieldCategory;
import org.trex.spec.FieldForm;

/**
 * One column that will leave in an output: where it comes from and in what form. The plan shows it,
 * the run applies it, lineage and the data dictionary describe it.
 *
 * @param name the column's name in the extract
 * @param sourceField the dataset field it is read from ({@code index.} prefixed for index-event fields)
 * @param category the field's category
 * @param form the form it leaves in
 * @param sourceColumns the source table columns it derives from, as {@code schema.table.column}
 * @param identifierKind the pseudonym kind, for pseudonymised identifiers
 * @param derivation how the source field is computed, for derived fields
 * @param values the values it can take when they are a fixed list known before any row is read (codes, bands,
 *     the window's months, a flag's two values); an aggregate grouped by it lists each, those no one has too
 */
public record PlannedColumn(
        String name,
        String sourceField,
        FieldCategory category,
        FieldForm form,
        List<String> sourceColumns,
        Optional<IdentifierKind> identifierKind,
        Optional<String> derivation,
        Optional<List<String>> values) {

    public PlannedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(sourceField, "sourceField is null");
        requireNonNull(category, "category is null");
        requireNonNull(form, "form is null");
        sourceColumns = List.copyOf(requireNonNull(sourceColumns, "sourceColumns is null"));
        requireNonNull(identifierKind, "identifierKind is null");
        requireNonNull(derivation, "derivation is null");
        values = requireNonNull(values, "values is null").map(List::copyOf);
        if (form == FieldForm.PSEUDONYM && identifierKind.isEmpty()) {
            throw new IllegalArgumentException("Cannot pseudonymise column " + name + ": " + sourceField
                    + " is not an identifier");
        }
    }

    /** True when the form hides the source value (a pseudonym or a generalisation). */
    public boolean masked() {
        return form != FieldForm.AS_IS;
    }

    /** What the form does to the value, in words for boards and analysts. */
    public String transformation() {
        return switch (form) {
            case PSEUDONYM -> "HMAC-SHA256 keyed pseudonym (" + identifierKind.orElseThrow().label() + ")";
            case AS_IS -> derivation.map(d -> "derived: " + d).orElse("as recorded");
            case YEAR_OF_BIRTH -> "year of birth";
            case AGE_BAND -> "age in 5-year bands at the index date, 90+ top-coded";
            case POSTCODE_DISTRICT -> "postcode district (outward code)";
            case MONTH -> "month (YYYY-MM)";
            case DAYS_FROM_INDEX -> "days from the index date";
            case DELAY_BAND -> "delay band (0, 1, 2-3, 4-6, 7-13, 14-20, 21+ days)";
        };
    }
}
