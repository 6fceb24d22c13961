package org.trex.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trex.spec.CohortSpec;
import org.trex.spec.Expr;
import org.trex.spec.FieldCategory;
import org.trex.spec.FieldForm;
import org.trex.spec.VariableSpec;
import org.trex.transform.AgeBandWidth;
import org.trex.transform.Generalisations;

/**
 * The values a column can take when they are a fixed list known before any row is read: a code field's national
 * codes, a flag's two values, the bands of a banded form, the months of the cohort's window for the date that
 * dates its index events, the codes a variable's {@code case} gives. An aggregate grouped by such a column lists
 * every value, those no one has too, so a missing row never tells a reader that a group is empty.
 */
final class ListedValues {
    private static final List<String> FLAG = List.of("false", "true");

    private ListedValues() {
    }

    /**
     * The listed values of a column in {@code form} of a field of {@code category} (with {@code codes}, its
     * national list, empty when any code); {@code datesIndexEvents} when the field is the date of the index event.
     */
    static Optional<List<String>> of(CohortSpec cohort, FieldForm form, FieldCategory category, List<String> codes,
            DatesIndexEvents datesIndexEvents) {
        requireNonNull(cohort, "cohort is null");
        requireNonNull(form, "form is null");
        requireNonNull(category, "category is null");
        requireNonNull(codes, "codes is null");
        requireNonNull(datesIndexEvents, "datesIndexEvents is null");
        return switch (form) {
            case DELAY_BAND -> Optional.of(Generalisations.DELAY_BANDS);
            case AGE_BAND -> Optional.of(Generalisations.ageBands(cohort.minAge().orElse(0),
                    cohort.maxAge().orElse(Generalisations.TOP_AGE), AgeBandWidth.FIVE_YEARS));
            case MONTH -> datesIndexEvents == DatesIndexEvents.YES
                    ? Optional.of(Generalisations.months(cohort.from(), cohort.to())) : Optional.empty();
            case AS_IS -> category == FieldCategory.FLAG ? Optional.of(FLAG)
                    : category == FieldCategory.CODE && !codes.isEmpty() ? Optional.of(codes) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * The listed values of a column in {@code form} of a variable: a flag's two values, and a code variable's when
     * its definition is a {@code case} whose every result (and {@code else}) is a literal code.
     */
    static Optional<List<String>> of(CohortSpec cohort, FieldForm form, VariableSpec variable) {
        requireNonNull(variable, "variable is null");
        if (form == FieldForm.AS_IS && variable.type().category() == FieldCategory.CODE
                && variable.definition() instanceof Expr.Case choice) {
            List<Expr> results = new ArrayList<>(choice.whens().stream().map(Expr.When::then).toList());
            choice.otherwise().ifPresent(results::add);
            if (results.stream().allMatch(r -> r instanceof Expr.Literal code && code.value() instanceof String)) {
                return Optional.of(results.stream().map(r -> (String) ((Expr.Literal) r).value()).distinct()
                        .toList());
            }
        }
        return of(cohort, form, variable.type().category(), List.of(), DatesIndexEvents.NO);
    }

    /** Whether a date field is the one that dates the cohort's index events (so its months are the window's). */
    enum DatesIndexEvents {
        YES,
        NO
    }
}
