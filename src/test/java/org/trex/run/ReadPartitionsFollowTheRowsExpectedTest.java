package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A read takes a partition for each million rows expected, from one (a council's cohort) up to the run's
 * {@code --partitions} (millions of spells).
 */
class ReadPartitionsFollowTheRowsExpectedTest {
    @Test
    void aCouncilSizedReadTakesOnePartition() {
        assertThat(ReadPartitions.of(0, 4)).isEqualTo(1);
        assertThat(ReadPartitions.of(137_092, 4)).isEqualTo(1);
        assertThat(ReadPartitions.of(1_000_000, 4)).isEqualTo(1);
    }

    @Test
    void largerReadsTakeMorePartitionsUpToTheRunsMost() {
        assertThat(ReadPartitions.of(1_000_001, 4)).isEqualTo(2);
        assertThat(ReadPartitions.of(2_500_000, 4)).isEqualTo(3);
        assertThat(ReadPartitions.of(5_000_000, 4)).isEqualTo(4);
        assertThat(ReadPartitions.of(5_000_000, 2)).isEqualTo(2);
        assertThat(ReadPartitions.of(1e12, 16)).isEqualTo(16);
    }

    @Test
    void refusesNoPartitionsAndANegativeEstimate() {
        assertThatThrownBy(() -> ReadPartitions.of(10, 0))
                .hasMessage("Cannot read in 0 partitions: use 1 or more");
        assertThatThrownBy(() -> ReadPartitions.of(-1, 4))
                .hasMessage("Cannot partition a read of -1.0 rows: the estimate must be 0 or more");
    }
}
