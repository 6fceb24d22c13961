package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules extracts run under: opt-outs, unverifiable NHS numbers, the projects' keys, which field
 * categories may leave in which forms, disclosure thresholds, how many percentage points a group's share
 * left out may differ from the rest of the cohort before plans and lineage reports warn, and how many days a TRE
 * has to delete the rows of someone who objects after an extract was released ({@code objectionDeletionDays}).
 */
public record Policy(
        String id,
        String title,
        OptOutRules optOuts,
        UnverifiableNhsNumbers unverifiableNhsNumbers,
        List<ProjectKey> keys,
        Map<FieldCategory, Set<FieldForm>> allowedForms,
        DisclosureRules disclosure,
        int biasWarningPoints,
        int objectionDeletionDays) {

    /** Percentage points a group's share left out may differ from the rest of the cohort's before a warning. */
    public static final int DEFAULT_BIAS_WARNING_POINTS = 5;
    /** The days a TRE has to delete an objector's rows unless the policy says otherwise. */
    public static final int DEFAULT_OBJECTION_DELETION_DAYS = 30;

    public Policy {
        Names.requireId(id, "policy id");
        Names.requireText(title, "policy title");
        requireNonNull(optOuts, "optOuts is null");
        requireNonNull(unverifiableNhsNumbers, "unverifiableNhsNumbers is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        requireNonNull(allowedForms, "allowedForms is null");
        requireNonNull(disclosure, "disclosure is null");
        requireDeletionDays(objectionDeletionDays);
        Map<FieldCategory, Set<FieldForm>> copy = new EnumMap<>(FieldCategory.class);
        allowedForms.forEach((category, forms) -> copy.put(category,
                Collections.unmodifiableSet(requirePossible(category, forms))));
        allowedForms = Collections.unmodifiableMap(copy);
        requireBiasWarningPoints(biasWarningPoints);
        requireDeletionDays(objectionDeletionDays);
    }

    /** A policy with the default bias warning and objection deletion days. */
    public Policy(String id, String title, OptOutRules optOuts, UnverifiableNhsNumbers unverifiableNhsNumbers,
            List<ProjectKey> keys, Map<FieldCategory, Set<FieldForm>> allowedForms, DisclosureRules disclosure) {
        this(id, title, optOuts, unverifiableNhsNumbers, keys, allowedForms, disclosure, DEFAULT_BIAS_WARNING_POINTS,
                DEFAULT_OBJECTION_DELETION_DAYS);
    }

    static int requireBiasWarningPoints(int points) {
        if (points < 1 || points > 100) {
            throw new IllegalArgumentException("Cannot warn of bias at " + points
                    + " percentage points: expected a whole number from 1 to 100");
        }
        return points;
    }

    static int requireDeletionDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("Cannot use objection deletion days " + days + ": it must be 1 or more");
        }
        return days;
    }

    /** The forms as a set, when a field of the category can take every one of them. */
    static Set<FieldForm> requirePossible(FieldCategory category, Set<FieldForm> forms) {
        Set<FieldForm> copy = forms.isEmpty() ? EnumSet.noneOf(FieldForm.class) : EnumSet.copyOf(forms);
        Set<FieldForm> impossible = EnumSet.copyOf(copy);
        impossible.removeAll(category.possibleForms());
        if (!impossible.isEmpty()) {
            throw new IllegalArgumentException("Cannot allow " + category.yamlName() + " as "
                    + impossible.iterator().next().yamlName() + ": a " + category.yamlName()
                    + " field can only take " + category.possibleForms().stream().map(FieldForm::yamlName).toList());
        }
        return copy;
    }

    /** The forms a field of this category may leave in; none when the policy does not list it. */
    public Set<FieldForm> allowed(FieldCategory category) {
        Set<FieldForm> forms = allowedForms.get(category);
        return forms == null || forms.isEmpty() ? EnumSet.noneOf(FieldForm.class) : EnumSet.copyOf(forms);
    }

    /** The key of a project, if the policy names one. */
    public Optional<ProjectKey> key(String project) {
        return keys.stream().filter(k -> k.project().equals(project)).findFirst();
    }
}
