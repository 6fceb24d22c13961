package org.trex.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trex.spec.ExtractSpec;
import org.trex.spec.WholeDates;

/**
 * Warnings of whole dates in a spec's words (its title, requester, purpose, legal basis, cohort and variable
 * descriptions) that its SQL does not hold. The extract repeats those words around its data, and {@code trex verify}
 * with the source takes any whole date there that the run does not declare as its own for a date of birth: a date an
 * analyst writes in the purpose fails the extract if a person in the source was born on that day, as nearly every day
 * of a large source's last hundred years is someone's.
 */
final class DatesInWords {
    private DatesInWords() {
    }

    /** One warning for each of the spec's texts holding a whole date that is neither the as-of date nor in the SQL. */
    static List<String> warnings(ExtractPlan plan) {
        Set<LocalDate> declared = new HashSet<>(WholeDates.in(plan.cohortSql()));
        declared.add(plan.asOf());
        plan.outputs().forEach(output -> declared.addAll(WholeDates.in(output.sql())));
        plan.scans().forEach(scan -> declared.addAll(WholeDates.in(scan.sql())));
        List<String> warnings = new ArrayList<>();
        texts(plan).forEach((what, text) -> {
            if (!declared.containsAll(WholeDates.in(text))) {
                // The date itself is not repeated: an analyst may have copied a person's.
                warnings.add(what + " holds a whole date its SQL does not: the extract repeats it, and `trex verify`"
                        + " with the source fails the extract if a person in the source was born on that day, in"
                        + " figures or in words; write the month and year alone (April 2024)");
            }
        });
        return warnings;
    }

    private static Map<String, String> texts(ExtractPlan plan) {
        ExtractSpec spec = plan.spec();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("The title", spec.title());
        texts.put("The requester", spec.requester());
        texts.put("The purpose", spec.purpose());
        texts.put("The legal basis", spec.legalBasis());
        texts.put("The cohort's description", spec.cohort().description());
        plan.variables().forEach(v -> texts.put("The description of variable " + v.name(), v.description()));
        return texts;
    }
}
