package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.trex.disclosure.Interval;
import org.trex.disclosure.SmallCounts;
import org.trex.linkage.ShownCount;
import org.trex.spec.DisclosureRules;
import org.trex.spec.ZeroCounts;

/**
 * Counts as the lineage publishes them: each through the policy's suppression and rounding, as the linkage section's
 * are, so that no count in what leaves the TRE is more exact than disclosure control lets the data be (a count at
 * or below the threshold is "&lt;=N" in the reports and null in the facets, the rest are rounded); the counts of rows
 * from source to output, which add up, are decided together ({@link LineageCells}). The exact counts
 * stay in the TRE, in the governance database, and the run holds them to in - left out = out before it publishes.
 * For {@code trex verify}, the same rules read back from a lineage ({@code trex_policy.shownCounts}) say which counts
 * they could have shown and what exact counts each stands for.
 */
public final class PublishedCounts {
    /** The field of the {@code trex_policy} facet that states the rules. */
    static final String FIELD = "shownCounts";

    private final SmallCounts rules;

    private PublishedCounts(SmallCounts rules) {
        this.rules = requireNonNull(rules, "rules is null");
    }

    /** The counts as a policy's disclosure rules show them. */
    public static PublishedCounts of(DisclosureRules rules) {
        return new PublishedCounts(new SmallCounts(requireNonNull(rules, "rules is null")));
    }

    /**
     * The rules a published {@code trex_policy} facet states; refused, saying why, when it states none that can be
     * read.
     */
    static PublishedCounts stated(JsonNode policyFacet) {
        JsonNode stated = policyFacet.path(FIELD);
        Optional<ZeroCounts> zeros = ZeroCounts.fromYaml(stated.path("zeros").asText());
        if (!stated.path("suppressedAtOrBelow").isIntegralNumber() || !stated.path("roundTo").isIntegralNumber()
                || zeros.isEmpty()) {
            throw new IllegalArgumentException("Cannot read the rules its counts were shown by: trex_policy has no "
                    + FIELD + " with suppressedAtOrBelow, roundTo and zeros");
        }
        try {
            return new PublishedCounts(new SmallCounts(stated.path("suppressedAtOrBelow").asLong(),
                    stated.path("roundTo").asLong(), zeros.get()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read the rules its counts were shown by: " + e.getMessage(), e);
        }
    }

    /** Puts the rules in a {@code trex_policy} facet, where a reader of the lineage finds them. */
    void state(ObjectNode policyFacet) {
        policyFacet.putObject(FIELD)
                .put("suppressedAtOrBelow", rules.suppressAtOrBelow())
                .put("roundTo", rules.roundTo())
                .put("zeros", rules.zeros().yamlName());
    }

    /** The count as shown: rounded, or suppressed. */
    public ShownCount shown(long count) {
        return ShownCount.of(count, rules);
    }

    /** The count as a report shows it: "1,010", or "&lt;=7" when suppressed. */
    public String text(long count) {
        return shown(count).display();
    }

    /** Puts the count as shown in {@code node}: a number, or null when suppressed. */
    void put(ObjectNode node, String field, long count) {
        put(node, field, shown(count));
    }

    /** Puts a count as shown in {@code node}: a number, or null when suppressed (as small, or beside a small one). */
    static void put(ObjectNode node, String field, ShownCount shown) {
        if (shown.suppressed()) {
            node.putNull(field);
        } else {
            node.put(field, shown.value().getAsLong());
        }
    }

    /** The rules in words: "counts at or below 7 suppressed (zeros disclosive), the rest rounded to the nearest 5". */
    public String words() {
        return "counts at or below " + rules.suppressAtOrBelow() + " suppressed (zeros " + rules.zeros().yamlName()
                + "), the rest rounded to the nearest " + rules.roundTo();
    }

    /** Why a published count is not one these rules show (not a count, or a count they could not give); else empty. */
    Optional<String> problem(JsonNode published) {
        if (published.isNull()) {
            return rules.withheld().isPresent() ? Optional.empty()
                    : Optional.of("null, but the rules suppress no count");
        }
        if (!published.canConvertToLong() || !published.isIntegralNumber()) {
            return Optional.of(published + ", which is not a count");
        }
        return rules.publishes(published.asLong()) ? Optional.empty()
                : Optional.of(published.asLong() + ", which the rules (" + words() + ") never show");
    }

    /** A published count as a message quotes it: "1010", or "suppressed" for null. */
    String text(JsonNode published) {
        return published.isNull() ? "suppressed" : Long.toString(published.asLong());
    }

    /**
     * The exact counts a published one (checked by {@link #problem}) can stand for: null is any count, as the lineage
     * suppresses a count beside a small one ({@link LineageCells}) as it does a small one.
     */
    Interval behind(JsonNode published) {
        return published.isNull() ? new Interval(0, Double.POSITIVE_INFINITY) : rules.behind(published.asLong());
    }
}
