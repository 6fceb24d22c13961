package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trex.optout.ExclusionReason;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.source.SourceCatalog;
import org.trex.spec.Applicability;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;
import org.trex.testing.Specs;

class DataDictionaryNamesTheOptOutsTheRunAppliedTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private static String leftOutLine(Applicability national) {
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(
                Specs.spec(Specs.cohort(List.of()), List.of(Specs.spells())),
                Specs.policy(national, Applicability.APPLIES, new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5)),
                AS_OF, "{}", "{}");
        return DataDictionary.markdown(plan, "run-1", List.of()).lines()
                .filter(line -> line.startsWith("Records left out before anything else happened")).findFirst()
                .orElseThrow();
    }

    @Test
    void theNationalDataOptOutIsNamedWhenThePolicyAppliesIt() {
        assertThat(leftOutLine(Applicability.APPLIES)).isEqualTo("Records left out before anything else happened: "
                + ExclusionReason.LOCAL_OBJECTION.description() + "; "
                + ExclusionReason.NATIONAL_DATA_OPT_OUT_OR_UNCHECKED.description()
                + "; and always records whose NHS number is missing or invalid.");
    }

    @Test
    void anExemptExtractNamesOnlyTheChecksItsRunMade() {
        // No GP-sourced data here, so no Type 1 opt-out either, though the policy applies it to such data.
        assertThat(leftOutLine(Applicability.EXEMPT)).isEqualTo("Records left out before anything else happened: "
                + ExclusionReason.LOCAL_OBJECTION.description()
                + "; and always records whose NHS number is missing or invalid.");
    }
}
