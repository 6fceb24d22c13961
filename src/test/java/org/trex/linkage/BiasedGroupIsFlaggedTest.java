package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

class BiasedGroupIsFlaggedTest {
    /** Rounded to 5, protected only from exact inference: no complement, so every share is of the counts rounded. */
    private static final DisclosureRules RULES = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5)
            .withProtectionRange(0);

    @Test
    void theGroupLeftOutMoreThanTheRestByMoreThanTheThresholdIsFlagged() {
        LinkageSection section = LinkageSection.of(SampleCounts.counts(), RULES, 5);
        LinkageSection.Breakdown ndop = section.breakdowns().stream()
                .filter(b -> b.reason().code().equals("national_data_opt_out")).findFirst().orElseThrow();
        LinkageSection.GroupRow oldest = ndop.rows("age_band").stream().filter(r -> r.group().equals("85+")).findFirst()
                .orElseThrow();
        // Shown counts: 30 of 200 left out; the rest of the cohort 70 - 30 = 40 of 1005 - 200 = 805.
        assertThat(oldest.percentLeftOut().getAsDouble()).isCloseTo(15.0, within(1e-9));
        assertThat(oldest.percentLeftOutOfRest().getAsDouble()).isCloseTo(100.0 * 40 / 805, within(1e-9));
        assertThat(oldest.differencePoints().getAsDouble()).isCloseTo(15.0 - 100.0 * 40 / 805, within(1e-9));
        assertThat(oldest.flagged()).isTrue();
        assertThat(ndop.rows().stream().filter(LinkageSection.GroupRow::flagged).map(LinkageSection.GroupRow::group))
                .containsExactly("85+");
        assertThat(section.warnings()).containsExactly(
                "Age band 85+, Any reason: 15.0% left out against 5.0% of the rest of the cohort, 10.0 points more"
                        + " (warning above 5)",
                "Age band 85+, National data opt-out: 15.0% left out against 5.0% of the rest of the cohort, 10.0 "
                        + "points more (warning above 5)");
    }

    @Test
    void aHigherThresholdFlagsNothing() {
        LinkageSection section = LinkageSection.of(SampleCounts.counts(), RULES, 11);
        assertThat(section.warnings()).isEmpty();
    }

    @Test
    void includedAndLeftOutSharesOfEachAgeBandAreFromTheShownCounts() {
        LinkageSection section = LinkageSection.of(SampleCounts.counts(), RULES, 5);
        LinkageSection.Breakdown any = section.breakdowns().get(0);
        assertThat(any.reason().code()).isEqualTo(LinkageSection.ANY_REASON);
        List<LinkageSection.GroupRow> ages = any.rows(LinkageSection.AGE_BAND);
        assertThat(ages).extracting(LinkageSection.GroupRow::group).containsExactly("0-17", "65-74", "75-84", "85+");
        LinkageSection.GroupRow oldest = ages.get(3);
        // 170 of 935 included (shown 935), 30 of 71 left out (shown 70).
        assertThat(oldest.percentOfIncluded().getAsDouble()).isCloseTo(100.0 * 170 / 935, within(1e-9));
        assertThat(oldest.percentOfLeftOut().getAsDouble()).isCloseTo(100.0 * 30 / 70, within(1e-9));
    }

    @Test
    void aReasonThatLeftNobodyOutHasNoBreakdown() {
        LinkageCounts counts = SampleCounts.counts();
        LinkageCounts withUnusedReason = new LinkageCounts(counts.traceOutcomes(), counts.numberValidity(),
                counts.indexEvents(), counts.linkedEvents(),
                List.of(SampleCounts.MISSING, SampleCounts.NDOP, new Label("local_objection", "Objection")),
                counts.dimensions(), counts.councilSide(), counts.groups(), counts.implausible());
        assertThat(LinkageSection.of(withUnusedReason, RULES, 5).breakdowns()).extracting(b -> b.reason().code())
                .containsExactly("any_reason", "missing_nhs_number", "national_data_opt_out", "not_linked");
    }
}
