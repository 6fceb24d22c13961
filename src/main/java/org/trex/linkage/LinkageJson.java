package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The section as JSON, for {@code trex plan --format json} and the {@code trex_linkage} lineage facet: shown
 * counts as numbers, or null when suppressed (with {@code suppressedAtOrBelow} saying why), percentages with one
 * decimal, or null when the counts under them are suppressed.
 */
public final class LinkageJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LinkageJson() {
    }

    /** The section's fields, put into {@code node}. */
    public static ObjectNode fill(ObjectNode node, LinkageSection section) {
        requireNonNull(node, "node is null");
        requireNonNull(section, "section is null");
        node.put("biasWarningPoints", section.biasWarningPoints());
        node.put("suppressedAtOrBelow", section.indexEvents().suppressedAtOrBelow());
        shown(node.putArray("traceOutcomes"), section.traceOutcomes());
        shown(node.putArray("numberValidity"), section.numberValidity());
        count(node, "indexEvents", section.indexEvents());
        count(node, "linkedEvents", section.linkedEvents());
        percent(node, "linkedPercent", section.linkedPercent());
        ArrayNode breakdowns = node.putArray("breakdowns");
        for (LinkageSection.Breakdown b : section.breakdowns()) {
            ObjectNode breakdown = breakdowns.addObject()
                    .put("kind", b.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("reason", b.reason().code())
                    .put("label", b.reason().text());
            count(breakdown, "leftOut", b.leftOut());
            percent(breakdown, "percent", b.percent());
            ArrayNode rows = breakdown.putArray("groups");
            for (LinkageSection.GroupRow r : b.rows()) {
                ObjectNode row = rows.addObject().put("dimension", r.dimension().code()).put("group", r.group());
                count(row, "events", r.events());
                count(row, "included", r.included());
                count(row, "leftOut", r.leftOut());
                percent(row, "percentLeftOut", r.percentLeftOut());
                percent(row, "percentLeftOutOfRest", r.percentLeftOutOfRest());
                percent(row, "differencePoints", r.differencePoints());
                row.put("flagged", r.flagged());
            }
        }
        shown(node.putArray("implausible"), section.implausible());
        ArrayNode warnings = node.putArray("warnings");
        section.warnings().forEach(warnings::add);
        return node;
    }

    /** The section as a new JSON object. */
    public static ObjectNode tree(LinkageSection section) {
        return fill(NODES.objectNode(), section);
    }

    private static void shown(ArrayNode list, List<LinkageSection.Shown> shown) {
        for (LinkageSection.Shown s : shown) {
            ObjectNode item = list.addObject().put("code", s.label().code()).put("label", s.label().text());
            count(item, "count", s.count());
            percent(item, "percent", s.percent());
        }
    }

    private static void count(ObjectNode node, String name, ShownCount count) {
        if (count.suppressed()) {
            node.putNull(name);
        } else {
            node.put(name, count.value().getAsLong());
        }
    }

    private static void percent(ObjectNode node, String name, OptionalDouble percent) {
        if (percent.isPresent()) {
            node.put(name, Math.round(percent.getAsDouble() * 10) / 10.0);
        } else {
            node.putNull(name);
        }
    }
}
