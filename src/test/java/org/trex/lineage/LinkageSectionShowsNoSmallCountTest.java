package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The linkage and exclusions section of the HTML report, the Markdown report and the {@code trex_linkage} facet
 * shows every count as the policy's disclosure rules let it be shown: suppressed as {@code <=7}, or above 7 and
 * rounded to 5; the sample holds a group of 5 events, 1 of them left out, which must not appear.
 */
class LinkageSectionShowsNoSmallCountTest {
    private static final Pattern CELL = Pattern.compile("<td class=\"n\">([^<]*)</td>");
    /** "<=7" as the HTML template escapes it. */
    private static final String HTML_SUPPRESSED = "&lt;&#61;7";
    private static final Pattern PERCENT = Pattern.compile("\\d+\\.\\d%|[+-]\\d+\\.\\d|suppressed");

    @Test
    void theHtmlSectionShowsNoCountAtOrBelowTheThreshold() {
        String html = LineageReport.html(SampleLineage.finished(), SampleLineage.COMPLETED);
        String section = between(html, "<h2>Linkage and exclusions", "<h2>Sources</h2>");

        List<String> cells = new ArrayList<>();
        Matcher cell = CELL.matcher(section);
        while (cell.find()) {
            cells.add(cell.group(1));
        }
        assertThat(cells).hasSizeGreaterThan(50).allSatisfy(LinkageSectionShowsNoSmallCountTest::shownOrSuppressed);
        assertThat(cells).contains(HTML_SUPPRESSED);
        assertThat(section).contains("<tr class=\"flag\"><td>Age band 85+</td>");
    }

    @Test
    void theMarkdownSectionShowsNoCountAtOrBelowTheThreshold() {
        String md = LineageReport.markdown(SampleLineage.finished(), SampleLineage.COMPLETED);
        String section = between(md, "## Linkage and exclusions", "## Sources");

        List<String> cells = new ArrayList<>();
        for (String line : section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Group")
                && !l.startsWith("| Council records") && !l.startsWith("| Implausible")).toList()) {
            String[] parts = line.split(" \\| ");
            for (int i = 1; i < parts.length; i++) {
                String value = parts[i].replace("|", "").strip();
                if (!value.isEmpty() && !value.equals("FLAG")) {
                    cells.add(value);
                }
            }
        }
        assertThat(cells).hasSizeGreaterThan(50).allSatisfy(LinkageSectionShowsNoSmallCountTest::shownOrSuppressed);
        assertThat(cells).contains("&lt;=7");
        assertThat(section).contains("| Age band 85+ |", "**FLAG:** Age band 85+");
    }

    @Test
    void theFacetShowsNoCountAtOrBelowTheThreshold() {
        JsonNode facet = OpenLineageEvents.complete(SampleLineage.finished(), SampleLineage.COMPLETED)
                .at("/run/facets/trex_linkage");
        List<JsonNode> counts = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        collectCounts(facet, "", counts, suppressed);

        assertThat(counts).hasSizeGreaterThan(30).allSatisfy(c -> {
            assertThat(c.isIntegralNumber()).as(c.toString()).isTrue();
            assertThat(c.asLong()).isGreaterThan(7);
            assertThat(c.asLong() % 5).isZero();
        });
        assertThat(suppressed).isNotEmpty();
        assertThat(facet.path("suppressedAtOrBelow").asInt()).isEqualTo(7);
    }

    /** A count cell: suppressed, a percentage or points, or a count above 7 rounded to 5. */
    private static void shownOrSuppressed(String value) {
        if (value.equals(HTML_SUPPRESSED) || value.equals("&lt;=7") || PERCENT.matcher(value).matches()) {
            return;
        }
        long count = Long.parseLong(value.replace(",", ""));
        assertThat(count).as(value).isGreaterThan(7);
        assertThat(count % 5).as(value).isZero();
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("the report has " + from).isNotNegative();
        return text.substring(start, text.indexOf(to, start));
    }

    private static void collectCounts(JsonNode node, String name, List<JsonNode> counts, List<String> suppressed) {
        if (List.of("count", "events", "included", "leftOut", "indexEvents", "linkedEvents").contains(name)) {
            if (node.isNull()) {
                suppressed.add(name);
            } else {
                counts.add(node);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> collectCounts(f.getValue(), f.getKey(), counts, suppressed));
        } else if (node.isArray()) {
            node.forEach(child -> collectCounts(child, "", counts, suppressed));
        }
    }
}
