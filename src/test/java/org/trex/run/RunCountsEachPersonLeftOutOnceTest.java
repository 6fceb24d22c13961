package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trex.optout.ExclusionReason;

/**
 * A run's count of people left out for a reason counts each person once across its outputs: neither the sum
 * of the outputs' counts nor the largest of them, when the outputs left out different people.
 */
class RunCountsEachPersonLeftOutOnceTest {
    @Test
    void peopleAreTheUnionOfTheOutputsAndRowsTheirSum() {
        ExclusionTally spells = tally(
                left(ExclusionReason.LOCAL_OBJECTION, 1), left(ExclusionReason.LOCAL_OBJECTION, 1),
                left(ExclusionReason.LOCAL_OBJECTION, 2), left(ExclusionReason.NATIONAL_DATA_OPT_OUT_OR_UNCHECKED, 7));
        ExclusionTally events = tally(
                left(ExclusionReason.LOCAL_OBJECTION, 2), left(ExclusionReason.LOCAL_OBJECTION, 3),
                new ExclusionTally.LeftOut(ExclusionReason.MISSING_NHS_NUMBER, OptionalLong.empty()));
        RunExclusions run = new RunExclusions();

        run.add(spells.counts(), spells);
        run.add(append(events.counts(), new ExclusionCount(ExclusionCount.DISCLOSURE_SUPPRESSED, 4, 0)), events);

        assertThat(spells.counts()).contains(new ExclusionCount("local_objection", 3, 2));
        assertThat(events.counts()).contains(new ExclusionCount("local_objection", 2, 2));
        assertThat(run.counts()).containsExactly(
                new ExclusionCount("missing_nhs_number", 1, 0),
                new ExclusionCount("local_objection", 5, 3),
                new ExclusionCount("national_data_opt_out_or_unchecked", 1, 1),
                new ExclusionCount("disclosure_suppressed", 4, 0));
    }

    @Test
    void aRunThatLeftNobodyOutHasNoCounts() {
        ExclusionTally none = new ExclusionTally();
        RunExclusions run = new RunExclusions();

        run.add(none.counts(), none);

        assertThat(run.counts()).isEmpty();
    }

    private static ExclusionTally tally(ExclusionTally.LeftOut... rows) {
        ExclusionTally tally = new ExclusionTally();
        for (ExclusionTally.LeftOut row : rows) {
            tally.add(row);
        }
        return tally;
    }

    private static ExclusionTally.LeftOut left(ExclusionReason reason, long person) {
        return new ExclusionTally.LeftOut(reason, OptionalLong.of(person));
    }

    private static List<ExclusionCount> append(List<ExclusionCount> counts, ExclusionCount more) {
        return Stream.concat(counts.stream(), Stream.of(more)).toList();
    }
}
