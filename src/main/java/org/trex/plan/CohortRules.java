package org.trex.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.trex.source.SourceCatalog;
import org.trex.spec.CohortSpec;
import org.trex.spec.Condition;

/**
 * The cohort as its SQL selects it, in words written from the spec's rules, not from the analyst's description: a
 * board reads both, and a description that says other than the rules shows.
 */
final class CohortRules {
    private CohortRules() {
    }

    /** One line a rule: the index event and its window, the ages, each condition, social care at the index date. */
    static List<String> of(CohortSpec cohort) {
        String dataset = SourceCatalog.indexDatasetName(cohort.indexEvent());
        String date = SourceCatalog.indexDateField(cohort.indexEvent());
        List<String> rules = new ArrayList<>();
        rules.add("index event: each " + dataset + " row (" + cohort.indexEvent().yamlName() + ") whose " + date
                + " is from " + cohort.from() + " to " + cohort.to() + ", both included, and not after the as-of date");
        ages(cohort.minAge(), cohort.maxAge()).ifPresent(rules::add);
        for (Condition condition : cohort.conditions()) {
            rules.add(condition.field() + " is one of " + condition.values().stream()
                    .map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]")));
        }
        switch (cohort.socialCareAtIndex()) {
            case ANY -> rules.add("with or without an adult social care service running on the index date");
            case WITH -> rules.add("with an adult social care service running on the index date");
            case WITHOUT -> rules.add("without an adult social care service running on the index date");
        }
        return rules;
    }

    private static Optional<String> ages(OptionalInt min, OptionalInt max) {
        if (min.isPresent() && max.isPresent()) {
            return Optional.of("aged " + min.getAsInt() + " to " + max.getAsInt() + " on the index date");
        }
        if (min.isPresent()) {
            return Optional.of("aged " + min.getAsInt() + " or over on the index date");
        }
        return max.isPresent() ? Optional.of("aged " + max.getAsInt() + " or under on the index date")
                : Optional.empty();
    }
}
