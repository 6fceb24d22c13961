package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Records left out for an invalid NHS number, like those without one, cannot be counted as people: a placeholder many
 * share (0000000000) or a mistyped number tells no one apart. The lineage says so in its reports, gives no people in
 * its exclusions facet (null, which the schema allows) and refuses a count of them.
 */
class ExclusionsWithoutAValidNumberCountNoPeopleTest {
    @Test
    void thereAreNoPeopleToCountForAnInvalidNumber() {
        assertThatThrownBy(() -> new Exclusion("invalid_nhs_number", 4, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot describe lineage: 3 people left out as invalid_nhs_number, whose records cannot"
                        + " be counted as people");
        assertThat(new Exclusion("invalid_nhs_number", 4, 0).peopleCountable()).isFalse();
        assertThat(new Exclusion("missing_nhs_number", 4, 0).peopleCountable()).isFalse();
        assertThat(new Exclusion("local_objection", 4, 3).peopleCountable()).isTrue();
    }

    @Test
    void theFacetGivesNoPeopleAndTheReportsSayWhy() {
        ObjectNode complete = OpenLineageEvents.complete(SampleLineage.finished(), SampleLineage.COMPLETED);

        assertThat(LineageValidator.validate(complete)).isEmpty();
        JsonNode exclusions = complete.at("/run/facets/trex_exclusions/exclusions");
        assertThat(exclusions.get(0).path("reason").asText()).isEqualTo("missing_nhs_number");
        assertThat(exclusions.get(0).path("people").isNull()).isTrue();
        assertThat(exclusions.get(1).path("reason").asText()).isEqualTo("invalid_nhs_number");
        assertThat(exclusions.get(1).path("people").isNull()).isTrue();
        assertThat(exclusions.get(2).path("people").isNumber()).isTrue();
        assertThat(LineageReport.markdown(SampleLineage.finished(), SampleLineage.COMPLETED))
                .contains("| Invalid NHS number | invalid\\_nhs\\_number | 85 | not countable (no valid NHS number) |");
        assertThat(LineageReport.html(SampleLineage.finished(), SampleLineage.COMPLETED))
                .contains("Left out: Invalid NHS number", "people not countable");
    }
}
