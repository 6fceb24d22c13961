package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML report's chart of included against left out by age band is inline SVG drawn from the shown counts: each
 * band's share of all included and of all left-out events as a bar on one scale, and a suppressed count (the
 * sample's 0-17 band: 4 included, 1 left out) as a dashed outline marked suppressed, with no bar and no number.
 */
class AgeBandChartDrawsOnlyShownCountsTest {
    private static final Pattern BAR = Pattern.compile(
            "<rect class=\"(included|out|suppressed)\" x=\"90\" y=\"\\d+\" width=\"(\\d+)\" height=\"16\" "
                    + "rx=\"2\"></rect>\\s*<text class=\"note\" x=\"\\d+\" y=\"\\d+\">([^<]*)</text>");

    @Test
    void barsAreDrawnFromShownSharesAndSuppressedCountsAreOutlines() {
        String html = LineageReport.html(SampleLineage.finished(), SampleLineage.COMPLETED);
        int start = html.indexOf("<h3>Included against left out, by age band</h3>");
        assertThat(start).isNotNegative();
        String chart = html.substring(start, html.indexOf("</svg>", start));

        List<String[]> bars = new ArrayList<>();
        Matcher bar = BAR.matcher(chart);
        while (bar.find()) {
            bars.add(new String[] {bar.group(1), bar.group(2), bar.group(3)});
        }
        // Four age bands in the sample, an included and a left-out bar each.
        assertThat(bars).hasSize(8);
        assertThat(chart).contains(">0-17<", ">65-74<", ">75-84<", ">85+<");
        // 0-17 comes first: both its counts are at or below 7.
        assertThat(bars.subList(0, 2)).allSatisfy(b -> {
            assertThat(b[0]).isEqualTo("suppressed");
            assertThat(b[2]).endsWith("&lt;&#61;7: suppressed");
        });
        // 85+: 30 of the 70 left out (shown counts) is the longest share, drawn the full width.
        assertThat(bars.get(7)).containsExactly("out", "480", "left out 30 (42.9% of all left out)");
        assertThat(bars.get(6)[2]).isEqualTo("included 170 (18.2% of all included)");
        assertThat(Integer.parseInt(bars.get(6)[1])).isEqualTo((int) Math.round(480 * (170.0 / 935) / (30.0 / 70)));
        assertThat(bars).noneMatch(b -> b[2].matches("(included|left out) [0-7]\\b.*"));
    }
}
