package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.Cell;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.Interval;
import org.trex.disclosure.KnownTotal;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.SmallCounts;
import org.trex.linkage.CountedSection;
import org.trex.linkage.GroupTally;
import org.trex.linkage.Label;
import org.trex.linkage.LinkageCounts;
import org.trex.plan.ExtractPlan;
import org.trex.plan.LinkageQueries;
import org.trex.plan.Planner;
import org.trex.source.SourceCatalog;
import org.trex.spec.AggregateOutput;
import org.trex.spec.CountOf;
import org.trex.spec.DisclosureRules;
import org.trex.spec.FieldForm;
import org.trex.spec.FieldSpec;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.MeasureSpec;
import org.trex.spec.RelativeWindow;
import org.trex.spec.ZeroCounts;
import org.trex.testing.Specs;

/**
 * The totals the linkage section shows of an aggregate of the cohort's spells by age band and sex: one for each of the
 * section's bands, or for several together where an aggregate's band spans them (15-19 across 0-17 and 18-64), the
 * blank band as "Not known", and one for each sex code, as the section names it. Where the aggregate counted otherwise
 * than the section, the total known is widened to hold the aggregate's true count.
 */
class SectionTotalsHoldTheTrueCountOfTheBandsTheyCoverTest {
    private static final List<Label> DIMENSIONS = List.of(new Label("age_band", "Age band"), new Label("sex", "Sex"),
            new Label("ethnicity", "Ethnicity group"));
    /** No threshold, no rounding: the section shows each count as it is. */
    private static final SmallCounts AS_COUNTED = new SmallCounts(0, 1, ZeroCounts.SAFE);

    private final ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(Specs.spec(Specs.cohort(List.of()),
            List.of(new AggregateOutput("by_age", "inpatient_spell", RelativeWindow.INDEX_DAY, List.of(
                    new FieldSpec("age_band", "date_of_birth", FieldForm.AGE_BAND),
                    new FieldSpec("sex", "sex", FieldForm.AS_IS)),
                    List.of(new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty()))))),
            Specs.policy(), LocalDate.of(2025, 6, 30), "{}", "{}");
    private final MeasuredAggregate byAge = new MeasuredAggregate(plan.outputs().get(0), List.of("age_band", "sex"),
            List.of(), new StructType(), List.of(), Map.of(), List.of(), 68, 68, List.of());
    private final Quantity discharges = AggregateQuantities.of(List.of(byAge)).get("by_age").get("discharges");

    @Test
    void eachSetOfTheSectionsBandsTheAggregatesBandsFillIsAKnownTotal() {
        List<KnownTotal> totals = totals(12).stream()
                .filter(t -> t.group().orElseThrow().dimension().equals("age_band")).toList();

        assertThat(totals).extracting(t -> t.group().orElseThrow().words(), KnownTotal::known).containsExactly(
                tuple("age bands 0-17, 18-64", new Interval(14, 14)),
                tuple("age band 65-74", new Interval(30, 30)),
                tuple("age band 85+", new Interval(12, 12)),
                tuple("age band Not known", new Interval(2, 2)));
        assertThat(totals.get(0).group().orElseThrow().values()).containsExactlyInAnyOrder("15-19", "20-24");
        assertThat(totals.get(3).group().orElseThrow().values()).containsExactly((String) null);
        assertThat(totals).allMatch(t -> t.quantity().equals(discharges) && t.output().equals("by_age"));
    }

    @Test
    void eachSexCodeIsTheGroupOfItsWords() {
        assertThat(totals(12)).filteredOn(t -> t.group().orElseThrow().dimension().equals("sex"))
                .singleElement().satisfies(female -> {
                    assertThat(female.group().orElseThrow().values()).containsExactly("2");
                    assertThat(female.group().orElseThrow().words()).isEqualTo("sex Female");
                    assertThat(female.known()).isEqualTo(new Interval(58, 58));
                });
    }

    @Test
    void aTotalTheAggregateCountedOtherwiseIsWidenedToHoldItsTrueCount() {
        // The aggregate has 11 spells at 90+ where the section counts 12 events at 85+ (a birth date it reads
        // otherwise): the attacker's reading, 12, is still taken as known, but from 11.
        assertThat(totals(11).get(2).known()).isEqualTo(new Interval(11, 12));
    }

    private List<KnownTotal> totals(long oldest) {
        List<Cell> cells = new ArrayList<>();
        Map<String, Long> byBand = new LinkedHashMap<>();
        byBand.put("15-19", 4L);
        byBand.put("20-24", 10L);
        byBand.put("70-74", 30L);
        byBand.put("90+", oldest);
        byBand.put(null, 2L);
        byBand.forEach((band, count) -> {
            Map<String, String> at = new HashMap<>();
            at.put("age_band", band);
            at.put("sex", "2");
            cells.add(Cell.count(CellKey.of("by_age", "discharges", at), discharges, count));
        });
        return LinkageTotals.of(plan, new LinkageQueries(SourceCatalog.standard()), List.of(byAge),
                AggregateQuantities.of(List.of(byAge)), cells,
                CountedSection.of(counts(), new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1)
                        .withZeros(ZeroCounts.SAFE), 5), AS_COUNTED);
    }

    /** The section's counts: 1 event aged 0-17, 13 aged 18-64, 30 aged 65-74, 12 aged 85+ and 2 of no known age. */
    private static LinkageCounts counts() {
        GroupTally tally = new GroupTally(DIMENSIONS);
        Map<String, Integer> events = Map.of("0-17", 1, "18-64", 13, "65-74", 30, "85+", 12, "Not known", 2);
        events.forEach((band, n) -> IntStream.range(0, n).forEach(i -> tally.add(List.of(band, "Female", "White"),
                Optional.empty(), GroupTally.Link.LINKED)));
        return new LinkageCounts(List.of(), List.of(), 58, 58, List.of(), DIMENSIONS, Set.of(), tally.groups(),
                List.of());
    }
}
