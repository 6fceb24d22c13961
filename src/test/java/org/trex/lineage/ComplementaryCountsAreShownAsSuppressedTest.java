package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trex.linkage.LinkageSection;
import org.trex.linkage.SampleCounts;

/**
 * Under a protection range of 7 the sample's one event left out for a missing NHS number takes complementary counts
 * across the section (the 65-74 band's included and left out among them): the reports show each as "suppressed", not
 * as {@code <=7}, which it is not, say why once, and the chart marks its bar "suppressed" with no count.
 */
class ComplementaryCountsAreShownAsSuppressedTest {
    private static final String ZEROS = "0".repeat(63);

    @Test
    void theMarkdownShowsAComplementAsSuppressedAndSaysWhy() {
        String md = LineageReport.markdown(finished(), SampleLineage.COMPLETED);

        assertThat(md).contains("| Age band 65-74 | 400 | suppressed | suppressed |")
                .contains("a count shown as suppressed is hidden so that no <=7\ncan be worked out from the counts"
                        + " around it");
    }

    @Test
    void theChartMarksAComplementsBarSuppressedWithoutACount() {
        String html = LineageReport.html(finished(), SampleLineage.COMPLETED);
        String chart = html.substring(html.indexOf("<h3>Included against left out, by age band</h3>"));

        assertThat(chart).contains(">left out: suppressed<", ">included: suppressed<")
                .doesNotContain("suppressed: suppressed");
    }

    private static LineageRun finished() {
        return SampleLineage.started().finished(List.of(SampleLineage.spells(), SampleLineage.people()),
                SampleLineage.exclusions(), List.of(SampleLineage.spellOutput(ZEROS + "1", 1_204_331, ZEROS + "2",
                        2_017_118), SampleLineage.countsOutput(ZEROS + "3", 311)),
                LinkageSection.of(SampleCounts.counts(), SampleLinkage.RULES, 5));
    }
}
