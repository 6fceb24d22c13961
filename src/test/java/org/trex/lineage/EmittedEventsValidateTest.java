package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class EmittedEventsValidateTest {

    @Test
    void startEventValidates() {
        assertThat(LineageValidator.validate(OpenLineageEvents.start(SampleLineage.started()))).isEmpty();
    }

    @Test
    void completeEventValidatesAndCarriesEveryFacet() {
        ObjectNode event = OpenLineageEvents.complete(SampleLineage.finished(), SampleLineage.COMPLETED);

        assertThat(LineageValidator.validate(event)).isEmpty();
        assertThat(event.get("run").get("facets").fieldNames()).toIterable().contains(
                "nominalTime", "parent", "processing_engine", "executionParameters", "trex_spec", "trex_policy",
                "trex_approval", "trex_pseudonymisation", "trex_build", "trex_exclusions", "trex_reconciliation",
                "trex_outputFiles");
        assertThat(event.get("job").get("facets").fieldNames()).toIterable()
                .containsExactly("sql", "jobType", "documentation");
        assertThat(event.at("/outputs/0/facets/columnLineage/fields/person_pseudonym/inputFields/0/transformations/0")
                .toString()).isEqualTo("{\"type\":\"DIRECT\",\"subtype\":\"TRANSFORMATION\","
                        + "\"description\":\"HMAC-SHA256 pseudonym\",\"masking\":true}");
        assertThat(event.at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(41_877);
        assertThat(event.at("/outputs/0/outputFacets/outputStatistics/fileCount").asInt()).isEqualTo(2);
        // Rows read are shown as the policy shows every count: 48,213 rounded to the nearest 5.
        assertThat(event.at("/inputs/0/inputFacets/inputStatistics/rowCount").asLong()).isEqualTo(48_215);
        assertThat(event.at("/run/facets/trex_pseudonymisation/keyId").asText()).isEqualTo("k-7f3a9c21");
    }

    @Test
    void failEventValidatesWithTheErrorMessage() {
        ObjectNode event = OpenLineageEvents.fail(SampleLineage.started(), SampleLineage.COMPLETED,
                "Cannot read health.inpatient_spell: connection refused");

        assertThat(LineageValidator.validate(event)).isEmpty();
        assertThat(event.get("eventType").asText()).isEqualTo("FAIL");
        assertThat(event.at("/run/facets/errorMessage/message").asText()).contains("connection refused");
    }

    @Test
    void everyFacetHasProducerAndSchemaUrl() {
        ObjectNode event = OpenLineageEvents.complete(SampleLineage.finished(), SampleLineage.COMPLETED);

        event.findParents("_schemaURL").forEach(facet ->
                assertThat(facet.get("_producer").asText()).isEqualTo(OpenLineageEvents.PRODUCER));
        assertThat(event.findParents("_schemaURL")).hasSizeGreaterThan(20);
    }
}
