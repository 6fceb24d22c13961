package org.trex.lineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.trex.disclosure.CellStatus;
import org.trex.linkage.Label;
import org.trex.linkage.LinkageSection;
import org.trex.linkage.ShownCount;

/**
 * The linkage and exclusions section as the report templates read it: shown counts ("<=N" when suppressed),
 * percentages from the shown counts, and the groups flagged beyond the policy's {@code bias_warning_points}.
 */
final class LinkageView {
    private static final int CHART_LABEL_WIDTH = 90;
    private static final int CHART_BAR_WIDTH = 480;
    private static final int CHART_TOP = 40;
    private static final int BAR_HEIGHT = 16;
    private static final int CHART_ROW_HEIGHT = 2 * BAR_HEIGHT + 14;
    private static final int SUPPRESSED_WIDTH = 40;

    private LinkageView() {
    }

    static Map<String, Object> of(LinkageSection section) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("biasWarningPoints", section.biasWarningPoints());
        view.put("suppressedAtOrBelow", section.indexEvents().suppressedAtOrBelow());
        List<String> warnings = section.warnings();
        view.put("warnings", warnings);
        view.put("hasWarnings", !warnings.isEmpty());
        section.notComparableNote().ifPresent(note -> view.put("notComparable", note));
        view.put("traceOutcomes", shown(section.traceOutcomes()));
        view.put("numberValidity", shown(section.numberValidity()));
        view.put("implausible", shown(section.implausible()));
        view.put("indexEvents", section.indexEvents().display());
        view.put("linkedEvents", section.linkedEvents().display());
        view.put("linkedPercent", LinkageSection.percentText(section.linkedPercent()));
        List<Map<String, Object>> breakdowns = new ArrayList<>();
        for (LinkageSection.Breakdown b : section.breakdowns()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Label dimension : section.dimensions()) {
                for (LinkageSection.GroupRow r : b.rows(dimension.code())) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("group", dimension.text() + " " + r.group());
                    row.put("events", r.events().display());
                    row.put("included", r.included().display());
                    row.put("leftOut", r.leftOut().display());
                    row.put("percentLeftOut", r.shareText(r.percentLeftOut()));
                    row.put("percentLeftOutOfRest", r.shareText(r.percentLeftOutOfRest()));
                    row.put("differencePoints", r.differenceText());
                    row.put("flag", r.flagged() ? "FLAG" : "");
                    row.put("flagCss", r.flagged() ? "flag" : "");
                    rows.add(row);
                }
            }
            Map<String, Object> breakdown = new LinkedHashMap<>();
            breakdown.put("label", b.reason().text());
            breakdown.put("code", b.reason().code());
            breakdown.put("leftOut", b.leftOut().display());
            breakdown.put("percent", LinkageSection.percentText(b.percent()));
            breakdown.put("kept", b.kind().kept());
            breakdown.put("missed", b.kind().missed());
            breakdown.put("rows", rows);
            breakdowns.add(breakdown);
        }
        view.put("breakdowns", breakdowns);
        section.breakdowns().stream().filter(b -> b.reason().code().equals(LinkageSection.ANY_REASON)).findFirst()
                .ifPresent(b -> view.put("ageChart", chart(b.rows(LinkageSection.AGE_BAND))));
        return view;
    }

    /** One bar of the age-band chart: drawn from a shown share, or an outline saying it is suppressed. */
    record AgeBar(String css, int y, int width, int textX, int textY, String text, boolean suppressed) {
    }

    /** One age band of the chart: its label and its two bars, included above left out. */
    record AgeRow(String band, int labelY, List<AgeBar> bars) {
    }

    /**
     * Included against left out by age band: each band's share of all included events and of all left-out events,
     * so a band the exclusions hit harder has a longer left-out bar; drawn from the shown counts alone, a suppressed
     * count is an outline marked suppressed, never a bar.
     */
    private static Map<String, Object> chart(List<LinkageSection.GroupRow> bands) {
        double max = bands.stream().flatMap(r -> Stream.of(r.percentOfIncluded(), r.percentOfLeftOut()))
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
                .max().orElse(0);
        double scale = max <= 0 ? 0 : CHART_BAR_WIDTH / max;
        List<AgeRow> rows = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            LinkageSection.GroupRow r = bands.get(i);
            int y = CHART_TOP + i * CHART_ROW_HEIGHT;
            rows.add(new AgeRow(r.group(), y + BAR_HEIGHT + 4, List.of(
                    bar("included", y, r.included(), r.percentOfIncluded(), scale),
                    bar("out", y + BAR_HEIGHT + 2, r.leftOut(), r.percentOfLeftOut(), scale))));
        }
        return Map.of("rows", rows, "width", CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 220,
                "height", CHART_TOP + bands.size() * CHART_ROW_HEIGHT, "labelX", CHART_LABEL_WIDTH - 10,
                "barX", CHART_LABEL_WIDTH, "legendY", CHART_TOP - 26, "legendOutX", CHART_LABEL_WIDTH + 150);
    }

    private static AgeBar bar(String css, int y, ShownCount count, OptionalDouble share, double scale) {
        String words = css.equals("included") ? "included" : "left out";
        if (count.suppressed() || share.isEmpty()) {
            // A complementary count says "suppressed" itself; a small one says how small ("<=7").
            String shown = count.suppressed() && count.status() != CellStatus.SMALL_COUNT ? ""
                    : " " + count.display();
            return new AgeBar(css, y, SUPPRESSED_WIDTH, CHART_LABEL_WIDTH + SUPPRESSED_WIDTH + 6, y + BAR_HEIGHT - 3,
                    words + shown + ": suppressed", true);
        }
        int width = (int) Math.round(share.getAsDouble() * scale);
        return new AgeBar(css, y, width, CHART_LABEL_WIDTH + width + 6, y + BAR_HEIGHT - 3,
                words + " " + count.display() + " (" + LinkageSection.percentText(share) + " of all " + words + ")",
                false);
    }

    private static List<Map<String, Object>> shown(List<LinkageSection.Shown> shown) {
        return shown.stream().map(s -> Map.<String, Object>of("label", s.label().text(), "code", s.label().code(),
                "count", s.count().display(), "percent", LinkageSection.percentText(s.percent()))).toList();
    }
}
