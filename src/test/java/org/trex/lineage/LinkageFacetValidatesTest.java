package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The COMPLETE event carries the linkage and exclusions section as the {@code trex_linkage} run facet, which
 * validates against its bundled schema; a facet that breaks the schema (a count that is not a number, a field the
 * schema does not know, a group without its flag) is caught, and the START event has no section yet.
 */
class LinkageFacetValidatesTest {
    private static ObjectNode complete() {
        return OpenLineageEvents.complete(SampleLineage.finished(), SampleLineage.COMPLETED);
    }

    @Test
    void theFacetIsInTheCompleteEventAndValidates() {
        ObjectNode event = complete();

        assertThat(LineageValidator.validate(event)).isEmpty();
        assertThat(event.at("/run/facets/trex_linkage/_schemaURL").asText())
                .isEqualTo(OpenLineageEvents.TREX_FACETS_URL + "TrexLinkageRunFacet.json#/$defs/TrexLinkageRunFacet");
        assertThat(event.at("/run/facets/trex_linkage/biasWarningPoints").asInt()).isEqualTo(5);
        assertThat(event.at("/run/facets/trex_linkage/breakdowns/0/reason").asText()).isEqualTo("any_reason");
        assertThat(event.at("/run/facets/trex_linkage/warnings").toString()).contains("Age band 85+");
    }

    @Test
    void theStartEventHasNoSection() {
        assertThat(OpenLineageEvents.start(SampleLineage.started()).at("/run/facets").has("trex_linkage")).isFalse();
    }

    @Test
    void aCountThatIsNotANumberFails() {
        ObjectNode event = complete();
        ((ObjectNode) event.at("/run/facets/trex_linkage")).put("indexEvents", "about a thousand");

        assertThat(LineageValidator.validate(event))
                .anyMatch(p -> p.startsWith("$.run.facets.trex_linkage.indexEvents: "));
    }

    @Test
    void aFieldTheSchemaDoesNotKnowFails() {
        ObjectNode event = complete();
        ((ObjectNode) event.at("/run/facets/trex_linkage")).put("nhsNumbers", "9990000018");

        assertThat(LineageValidator.validate(event))
                .anyMatch(p -> p.startsWith("$.run.facets.trex_linkage") && p.contains("nhsNumbers"));
    }

    @Test
    void aGroupWithoutItsFlagFails() {
        ObjectNode event = complete();
        ((ObjectNode) event.at("/run/facets/trex_linkage/breakdowns/0/groups/0")).remove("flagged");

        assertThat(LineageValidator.validate(event))
                .anyMatch(p -> p.startsWith("$.run.facets.trex_linkage.breakdowns[0].groups[0]")
                        && p.contains("flagged"));
    }
}
