package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.SourceCatalog;
import org.trex.testing.Specs;

/**
 * Events are read only to the as-of date, so a spec that follows each index event for days after it, run before the
 * cohort's last index events could be followed that far, counts outcomes still to come as not happened: the plan
 * warns, naming the first as-of date with complete follow-up.
 */
class PlanWarnsOfFollowUpPastTheAsOfDateTest {
    private final Planner planner = new Planner(SourceCatalog.standard());

    @Test
    void aRunBeforeTheLastIndexEventsCanBeFollowedIsWarnedOf() {
        int days = FollowUp.daysAfterIndex(Specs.dischargeDelays());
        LocalDate complete = Specs.dischargeDelays().cohort().to().plusDays(days);

        String text = PlanReport.render(plan(complete.minusDays(1)), Optional.empty(), PlanFormat.TEXT);

        assertThat(days).as("the shipped spec's social care after discharge").isPositive();
        assertThat(text).contains("  WARNING: The spec reads events up to " + days + " days after the index date,"
                + " but the cohort's index events run to 2025-03-31 and events are read only to the as-of date "
                + complete.minusDays(1) + ": for index events after " + complete.minusDays(1 + days) + " what has"
                + " not happened by then counts as not happened; run it as of " + complete
                + " or later for complete follow-up\n");
    }

    @Test
    void aRunOnceEveryIndexEventCanBeFollowedIsNot() {
        LocalDate complete = Specs.dischargeDelays().cohort().to()
                .plusDays(FollowUp.daysAfterIndex(Specs.dischargeDelays()));

        assertThat(PlanReport.render(plan(complete), Optional.empty(), PlanFormat.TEXT)).doesNotContain("WARNING");
    }

    private ExtractPlan plan(LocalDate asOf) {
        return planner.plan(Specs.dischargeDelays(), Specs.policy(), asOf, "{}", "{}");
    }
}
