package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.SourceCatalog;
import org.trex.spec.AggregateOutput;
import org.trex.spec.Applicability;
import org.trex.spec.CountOf;
import org.trex.spec.DisclosureRules;
import org.trex.spec.ExtractSpec;
import org.trex.spec.FieldForm;
import org.trex.spec.FieldSpec;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.LoadedSpec;
import org.trex.spec.MeasureSpec;
import org.trex.spec.Policy;
import org.trex.spec.RelativeWindow;
import org.trex.spec.ZeroCounts;
import org.trex.testing.Specs;

/**
 * The plan shows the board every group an aggregate will list, those no one is in too: each group column's fixed list
 * (bands, national codes, a flag's two values, the months of the cohort's window, the results of a code variable's
 * {@code case}) or, where it has none, the values found in the data; the lists are in the plan hash; and where zeros
 * are disclosive, a column without a list is warned of, as a value no one has is still left out.
 */
class PlanListsEveryGroupOfAnAggregateTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private final Planner planner = new Planner(SourceCatalog.standard());

    @Test
    void eachGroupColumnHasItsList() {
        OutputPlan output = planner.plan(spec(), policy(ZeroCounts.DISCLOSIVE), AS_OF, "{}", "{}").output("groups");

        assertThat(output.columns()).extracting(PlannedColumn::name, c -> c.values().map(List::size).orElse(-1))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("delay_band", 7),
                        org.assertj.core.groups.Tuple.tuple("age_band", 6),
                        org.assertj.core.groups.Tuple.tuple("sex", 4),
                        org.assertj.core.groups.Tuple.tuple("discharge_month", 12),
                        org.assertj.core.groups.Tuple.tuple("emergency", 2),
                        org.assertj.core.groups.Tuple.tuple("admission_month", -1),
                        org.assertj.core.groups.Tuple.tuple("year_of_birth", -1));
        assertThat(output.columns().get(1).values()).contains(List.of("65-69", "70-74", "75-79", "80-84", "85-89",
                "90+"));
        assertThat(output.columns().get(3).values().orElseThrow()).startsWith("2024-04").endsWith("2025-03");
    }

    @Test
    void thePlanSaysWhichGroupsItListsAndWarnsWhereAZeroCanStillBeInferred() {
        String text = PlanReport.render(planner.plan(spec(), policy(ZeroCounts.DISCLOSIVE), AS_OF, "{}", "{}"),
                Optional.empty(), PlanFormat.TEXT);

        assertThat(text).contains("  Groups: every combination of delay_band (7 listed values: 0, 1, 2-3, 4-6, 7-13, "
                + "14-20, 21+) and age_band (6 listed values: 65-69, 70-74, 75-79, 80-84, 85-89, 90+) and sex (4 listed"
                + " values: ")
                .contains(" and emergency (2 listed values: false, true) and admission_month (the values found in the"
                        + " data) and year_of_birth (the values found in the data), each listed whether or not anyone"
                        + " is in it (a blank value too where the data hold one); an empty group's zero is decided"
                        + " like any other count\n")
                .contains("  WARNING: Output groups groups by admission_month, year_of_birth, whose values are not a"
                        + " fixed list: a value no one in the extract has is not listed, so a reader who knows it may"
                        + " infer its zero, which the policy holds disclosive; group by a form with a fixed list"
                        + " (codes, bands, months of the cohort's window) where that matters\n");
        assertThat(PlanReport.render(planner.plan(spec(), policy(ZeroCounts.SAFE), AS_OF, "{}", "{}"),
                Optional.empty(), PlanFormat.TEXT)).as("zeros the policy publishes").doesNotContain("WARNING");
    }

    @Test
    void everyGroupOfTheShippedAggregatesIsListedFromItsDefinition() throws Exception {
        for (String id : List.of("discharge-delays", "care-after-discharge", "reablement-ascof-2d")) {
            LoadedSpec loaded = LoadedSpec.load(Path.of("extracts", id + ".yaml"), SourceCatalog.standard());
            ExtractPlan plan = planner.plan(loaded.spec().value(), loaded.policy().value(), AS_OF, "{}", "{}");

            assertThat(plan.outputs().stream().flatMap(o -> o.output() instanceof AggregateOutput
                    ? o.columns().stream() : java.util.stream.Stream.empty())).as(id)
                    .allSatisfy(column -> assertThat(column.values()).as(column.name()).isPresent());
            assertThat(AggregateGroups.warnings(plan)).as(id).isEmpty();
        }
        LoadedSpec ascof = LoadedSpec.load(Path.of("extracts", "reablement-ascof-2d.yaml"), SourceCatalog.standard());
        PlannedColumn sex = planner.plan(ascof.spec().value(), ascof.policy().value(), AS_OF, "{}", "{}").outputs()
                .stream().filter(o -> o.output() instanceof AggregateOutput).flatMap(o -> o.columns().stream())
                .filter(c -> c.name().equals("sex")).findFirst().orElseThrow();
        assertThat(sex.values()).as("the case's results, its else last")
                .contains(List.of("Male", "Female", "Not specified or not known"));
    }

    @Test
    void theListsAreInThePlanHash() {
        ExtractSpec spec = spec();
        ExtractSpec fewerAges = Specs.spec(new org.trex.spec.CohortSpec(spec.cohort().description(),
                spec.cohort().indexEvent(), spec.cohort().from(), spec.cohort().to(), java.util.OptionalInt.of(70),
                java.util.OptionalInt.empty(), spec.cohort().socialCareAtIndex(), spec.cohort().conditions()),
                spec.outputs());

        ExtractPlan plan = planner.plan(spec, policy(ZeroCounts.DISCLOSIVE), AS_OF, "{}", "{}");
        ExtractPlan other = planner.plan(fewerAges, policy(ZeroCounts.DISCLOSIVE), AS_OF, "{}", "{}");

        assertThat(other.output("groups").columns().get(1).values().orElseThrow()).first().isEqualTo("70-74");
        assertThat(other.planHash()).as("same canonical spec text, other groups").isNotEqualTo(plan.planHash());
    }

    private static ExtractSpec spec() {
        AggregateOutput groups = new AggregateOutput("groups", "inpatient_spell", RelativeWindow.INDEX_DAY, List.of(
                new FieldSpec("delay_band", "discharge_delay_days", FieldForm.DELAY_BAND),
                new FieldSpec("age_band", "date_of_birth", FieldForm.AGE_BAND),
                new FieldSpec("sex", "sex", FieldForm.AS_IS),
                new FieldSpec("discharge_month", "discharge_date", FieldForm.MONTH),
                new FieldSpec("emergency", "emergency_admission", FieldForm.AS_IS),
                new FieldSpec("admission_month", "admission_date", FieldForm.MONTH),
                new FieldSpec("year_of_birth", "date_of_birth", FieldForm.YEAR_OF_BIRTH)),
                List.of(new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty())));
        return Specs.spec(Specs.cohort(List.of()), List.of(groups));
    }

    private static Policy policy(ZeroCounts zeros) {
        return Specs.policy(Applicability.APPLIES, Applicability.APPLIES,
                new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5).withZeros(zeros));
    }
}
