package org.trex.plan;

import java.util.List;
import java.util.stream.Collectors;
import org.trex.linkage.Label;
import org.trex.linkage.LinkageSection;

/** The linkage and exclusions section of a plan, as text or Markdown: who the linkage and the exclusions miss. */
final class PlanLinkageText {
    private static final List<String> COLUMNS = List.of("group", "events", "kept", "missed", "share missed",
            "rest of cohort", "difference (points)", "");

    private PlanLinkageText() {
    }

    static void append(StringBuilder out, LinkageSection section, boolean markdown) {
        String bullet = markdown ? "- " : "  ";
        out.append(markdown ? "\n## " : "\n== ")
                .append("Linkage and exclusions (counts as the suppression rule shows them;"
                + " percentages from the shown counts)").append(markdown ? "\n\n" : "\n");
        for (String warning : section.warnings()) {
            out.append(bullet).append(markdown ? "**WARNING:** " : "WARNING: ").append(warning).append('\n');
        }
        section.notComparableNote().ifPresent(note -> out.append(bullet).append(markdown ? "**Note:** " : "Note: ")
                .append(note).append('\n'));
        out.append(bullet).append("Council records by PDS trace outcome: ").append(list(section.traceOutcomes()))
                .append('\n');
        out.append(bullet).append("NHS numbers on council records: ").append(list(section.numberValidity()))
                .append('\n');
        out.append(bullet).append("Index events linked to a council record: ").append(section.linkedEvents().display())
                .append(" of ").append(section.indexEvents().display()).append(" (")
                .append(LinkageSection.percentText(section.linkedPercent())).append(")\n");
        out.append(bullet).append("Implausible links: ").append(section.implausible().stream()
                .map(s -> s.label().text() + " " + s.count().display()).collect(Collectors.joining("; "))).append('\n');
        for (LinkageSection.Breakdown breakdown : section.breakdowns()) {
            out.append(markdown ? "\n### " : "\n  ").append(breakdown.reason().text()).append(": ")
                    .append(breakdown.leftOut().display()).append(' ').append(breakdown.kind().missed()).append(" (")
                    .append(LinkageSection.percentText(breakdown.percent())).append(")")
                    .append(markdown ? "\n\n" : "\n");
            List<String> titles = COLUMNS.stream().map(c -> c.replace("kept", breakdown.kind().kept())
                    .replace("missed", breakdown.kind().missed())).toList();
            row(out, titles, markdown);
            if (markdown) {
                out.append("|---|--:|--:|--:|--:|--:|--:|---|\n");
            }
            for (Label dimension : section.dimensions()) {
                for (LinkageSection.GroupRow r : breakdown.rows(dimension.code())) {
                    row(out, List.of(dimension.text() + " " + r.group(), r.events().display(), r.included().display(),
                            r.leftOut().display(), r.shareText(r.percentLeftOut()),
                            r.shareText(r.percentLeftOutOfRest()), r.differenceText(), r.flagged() ? "FLAG" : ""),
                            markdown);
                }
            }
        }
    }

    private static String list(List<LinkageSection.Shown> shown) {
        return shown.stream().map(s -> s.label().text() + " " + s.count().display() + " ("
                + LinkageSection.percentText(s.percent()) + ")").collect(Collectors.joining(", "));
    }

    private static void row(StringBuilder out, List<String> cells, boolean markdown) {
        if (markdown) {
            out.append("| ").append(String.join(" | ", cells)).append(" |\n");
        } else {
            out.append(String.format("    %-34s %8s %8s %10s %13s %15s %20s  %s", cells.toArray()).stripTrailing())
                    .append('\n');
        }
    }
}
