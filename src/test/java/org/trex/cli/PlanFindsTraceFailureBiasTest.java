package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trex.generate.SyntheticData;
import org.trex.generate.TraceFailureBias;
import org.trex.linkage.LinkageCounts;
import org.trex.optout.ExclusionReason;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.LinkageQueries;
import org.trex.plan.PlanCounts;
import org.trex.plan.Planner;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.LoadedSpec;
import org.trex.testing.TestDatabase;

/**
 * On data generated with trace failures made common among Asian people's council records, the plan's linkage
 * section flags the Asian group as linked less than the rest of the cohort, more than any other group; its counts
 * agree with the plan's own exclusion counts, and no count at or below the threshold is shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanFindsTraceFailureBiasTest {
    private static final Set<String> COUNCIL_SIDE = Set.of("client_type", "area");
    static final String SPEC = "extracts/discharge-delays.yaml";
    DatabaseUrl url;
    JsonNode linkage;

    @BeforeAll
    void planOnBiasedData() throws Exception {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 4_000, 11, Optional.of(TraceFailureBias.parse("ethnicity=Asian=0.9")));
        Workspace.Result plan = Workspace.trex("plan", SPEC, "--database-url", url.jdbcUrl(), "--format", "json",
                "--as-of", Workspace.AS_OF.toString());
        assertThat(plan.code()).as(plan.all()).isEqualTo(ExitCode.OK);
        linkage = new ObjectMapper().readTree(plan.out()).path("linkage");
    }

    @Test
    void theAsianGroupIsFlaggedAsLinkedLessThanAnyOther() {
        JsonNode notLinked = breakdown("not_linked");
        JsonNode asian = group(notLinked, "ethnicity", "Asian");
        assertThat(asian.path("flagged").asBoolean()).as(asian.toString()).isTrue();
        double asianDifference = asian.path("differencePoints").asDouble();
        assertThat(asianDifference).isGreaterThan(5);
        for (JsonNode g : notLinked.path("groups")) {
            if (g.path("dimension").asText().equals("ethnicity") && !g.path("group").asText().equals("Asian")) {
                assertThat(g.path("differencePoints").asDouble(-100)).as(g.toString()).isLessThan(asianDifference);
            }
        }
        // The rest of the cohort of the White group is mostly the Asian group, so the White group links more.
        assertThat(group(notLinked, "ethnicity", "White").path("differencePoints").asDouble()).isNegative();
        assertThat(linkage.path("warnings").toString())
                .contains("Ethnicity group Asian, Not linked to a council record");
    }

    @Test
    void noCountAtOrBelowTheThresholdIsShown() {
        List<JsonNode> counts = new ArrayList<>();
        collectCounts(linkage, counts);
        assertThat(counts).isNotEmpty().allSatisfy(c -> assertThat(c.asLong()).isGreaterThan(7));
        assertThat(linkage.path("suppressedAtOrBelow").asInt()).isEqualTo(7);
    }

    @Test
    void aCouncilRecordsGroupShowsNoneLeftOutForAMissingNumber() {
        List<JsonNode> linked = new ArrayList<>();
        breakdown("missing_nhs_number").path("groups").forEach(g -> {
            if (COUNCIL_SIDE.contains(g.path("dimension").asText())
                    && !g.path("group").asText().equals("No council record")) {
                linked.add(g.path("leftOut"));
            }
        });
        assertThat(linked).isNotEmpty().allSatisfy(c -> assertThat(c.isIntegralNumber() && c.asLong() == 0)
                .as(c.toString()).isTrue());
    }

    @Test
    void theSectionsCountsAgreeWithThePlansExclusionCounts() {
        ExtractPlan plan = new Planner(SourceCatalog.standard())
                .plan(LoadedSpec.load(Path.of(SPEC), SourceCatalog.standard()), Workspace.AS_OF);
        LinkageCounts counts = new LinkageQueries(SourceCatalog.standard())
                .count(plan, OptOutLoader.load(url, plan.exclusions()), url);
        PlanCounts planCounts = PlanCounts.count(plan, url, Optional.empty());
        assertThat(counts.indexEvents()).isEqualTo(planCounts.events());
        for (ExclusionReason reason : ExclusionReason.values()) {
            assertThat(counts.leftOut(reason.code())).as(reason.code()).isEqualTo(planCounts.leftOut(reason)[0]);
        }
    }

    private JsonNode breakdown(String reason) {
        for (JsonNode b : linkage.path("breakdowns")) {
            if (b.path("reason").asText().equals(reason)) {
                return b;
            }
        }
        throw new AssertionError("no breakdown " + reason + " in " + linkage);
    }

    private static JsonNode group(JsonNode breakdown, String dimension, String group) {
        for (JsonNode g : breakdown.path("groups")) {
            if (g.path("dimension").asText().equals(dimension) && g.path("group").asText().equals(group)) {
                return g;
            }
        }
        throw new AssertionError("no group " + dimension + "=" + group + " in " + breakdown);
    }

    /** Every count field (not percentages, flags or settings) anywhere under the node. */
    /** Every count shown but the missing numbers' in a council record's groups, none as anyone knows. */
    private static void collectCounts(JsonNode node, List<JsonNode> counts) {
        if (node.path("reason").asText().equals("missing_nhs_number")) {
            if (node.path("leftOut").isNumber()) {
                counts.add(node.path("leftOut"));
            }
            node.path("groups").forEach(g -> {
                if (!COUNCIL_SIDE.contains(g.path("dimension").asText())
                        || g.path("group").asText().equals("No council record")) {
                    collectCounts(g, counts);
                }
            });
            return;
        }
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (List.of("count", "events", "included", "leftOut", "indexEvents", "linkedEvents")
                    .contains(field.getKey())
                    && value.isNumber()) {
                counts.add(value);
            } else if (value.isContainerNode()) {
                collectCounts(value, counts);
            }
        });
        if (node.isArray()) {
            node.forEach(child -> collectCounts(child, counts));
        }
    }
}
