package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class BrokenEventsFailValidationTest {

    private static ObjectNode complete() {
        return OpenLineageEvents.complete(SampleLineage.finished(), SampleLineage.COMPLETED);
    }

    @Test
    void runIdThatIsNotAUuid() {
        ObjectNode event = complete();
        ((ObjectNode) event.get("run")).put("runId", "not-a-uuid");

        assertThat(LineageValidator.validate(event)).anyMatch(p -> p.startsWith("$.run.runId: ") && p.contains("uuid"));
    }

    @Test
    void unknownEventType() {
        ObjectNode event = complete();
        event.put("eventType", "FINISHED");

        assertThat(LineageValidator.validate(event)).anyMatch(p -> p.startsWith("$.eventType: "));
    }

    @Test
    void facetWithoutProducer() {
        ObjectNode event = complete();
        ((ObjectNode) event.at("/run/facets/trex_spec")).remove("_producer");

        assertThat(LineageValidator.validate(event)).anyMatch(p -> p.contains("$.run.facets.trex_spec")
                && p.contains("_producer"));
    }

    @Test
    void trexFacetWithWrongShape() {
        ObjectNode event = complete();
        ((ObjectNode) event.at("/run/facets/trex_reconciliation/outputs/0")).put("rowsOut", "many");

        assertThat(LineageValidator.validate(event))
                .contains("$.run.facets.trex_reconciliation.outputs[0].rowsOut: string found, integer expected");
    }

    @Test
    void columnLineageWithoutInputFields() {
        ObjectNode event = complete();
        ((ObjectNode) event.at("/outputs/0/facets/columnLineage/fields/age_band")).remove("inputFields");

        assertThat(LineageValidator.validate(event)).anyMatch(p ->
                p.startsWith("$.outputs[0].facets.columnLineage.fields.age_band: ") && p.contains("inputFields"));
    }

    @Test
    void facetNobodyDefined() {
        ObjectNode event = complete();
        ((ObjectNode) event.at("/run/facets")).putObject("mystery").put("_producer", "x").put("_schemaURL", "y");

        assertThat(LineageValidator.validate(event))
                .contains("$.run.facets.mystery: no schema is known for this facet");
    }
}
