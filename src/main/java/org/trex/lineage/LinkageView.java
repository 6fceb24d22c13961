package org.trex.lineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trex.linkage.Label;
import org.trex.linkage.LinkageSection;

/**
 * The linkage and exclusions section as the report templates read it: shown counts ("<=N" when suppressed),
 * percentages from the shown counts, and the groups flagged beyond the policy's {@code bias_warning_points}.
 */
final class LinkageView {
    private LinkageView() {
    }

    static Map<String, Object> of(LinkageSection section) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("biasWarningPoints", section.biasWarningPoints());
        view.put("suppressedAtOrBelow", section.indexEvents().suppressedAtOrBelow());
        List<String> warnings = section.warnings();
        view.put("warnings", warnings);
        view.put("hasWarnings", !warnings.isEmpty());
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
                    row.put("percentLeftOut", LinkageSection.percentText(r.percentLeftOut()));
                    row.put("percentLeftOutOfRest", LinkageSection.percentText(r.percentLeftOutOfRest()));
                    row.put("differencePoints", LinkageSection.pointsText(r.differencePoints()));
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
        return view;
    }

    private static List<Map<String, Object>> shown(List<LinkageSection.Shown> shown) {
        return shown.stream().map(s -> Map.<String, Object>of("label", s.label().text(), "code", s.label().code(),
                "count", s.count().display(), "percent", LinkageSection.percentText(s.percent()))).toList();
    }
}
