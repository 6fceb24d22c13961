package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trex.disclosure.SmallCounts;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * The lineage wrote its own counts "1,010" and the linkage section's "1010" beside them ("490 of 1010", "NHS number
 * valid | 2830"): a count shown is now written one way wherever it is, suppressed ones as before.
 */
class SectionCountsAreWrittenAsEveryOtherCountTest {
    private static final SmallCounts SHIPPED = new SmallCounts(new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5));

    @Test
    void countsHaveThousandsSeparated() {
        assertThat(ShownCount.of(1_009, SHIPPED).display()).isEqualTo("1,010");
        assertThat(ShownCount.of(2_830, SHIPPED).display()).isEqualTo("2,830");
        assertThat(ShownCount.of(137_090, SHIPPED).display()).isEqualTo("137,090");
        assertThat(ShownCount.of(490, SHIPPED).display()).isEqualTo("490");
        assertThat(ShownCount.of(3, SHIPPED).display()).isEqualTo("<=7");
    }
}
