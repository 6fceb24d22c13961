package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * The reasons' rows left out sum to the outputs' rows left out: under a policy that rounds to 1, an output's 503 left
 * out less the national data opt-out's 500 gave back the local objections' 3 beside their "&lt;=7". Decided together,
 * the larger reason's rows are suppressed beside the small one (its people, 480, bound it from below by no more than
 * the protection range allows).
 */
class AReasonsSmallRowsAreNotTheOtherReasonsDifferenceTest {
    private static final String DIGEST = "0".repeat(63) + "9";
    private static final DisclosureRules EXACT_COUNTS = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);

    private static LineageRun run() {
        Source spells = SampleLineage.spells().read(1_000);
        Output counts = new Output("delays", OutputKind.AGGREGATE, spells.name(),
                List.of(new Field("discharges", "bigint")),
                List.of(new OutputFile("data/delays.csv", FileFormat.CSV, 4, 80, DIGEST)),
                new Reconciliation(1_000, 503, 497), DIGEST, List.of(), Optional.empty());
        return SampleLineage.started(EXACT_COUNTS).finished(List.of(spells),
                List.of(new Exclusion("national_data_opt_out_or_unchecked", 500, 480),
                        new Exclusion("local_objection", 3, 2)),
                List.of(counts), SampleLinkage.section());
    }

    @Test
    void theLargerReasonsRowsAreSuppressedBesideIt() {
        String md = LineageReport.markdown(run(), SampleLineage.COMPLETED);

        assertThat(md).contains(
                "| National data opt-out, or not checked | national\\_data\\_opt\\_out\\_or\\_unchecked | suppressed"
                        + " | 480 |",
                "| Local objection | local\\_objection | &lt;=7 | &lt;=7 |",
                "| delays | aggregate | 1,000 | 503 | counted in its cells (4 groups) |");
    }

    @Test
    void theEventsShowThemAsNull() {
        ObjectNode complete = OpenLineageEvents.complete(run(), SampleLineage.COMPLETED);

        assertThat(complete.at("/run/facets/trex_exclusions/exclusions").toString()).isEqualTo("["
                + "{\"reason\":\"national_data_opt_out_or_unchecked\",\"rows\":null,\"peopleCountable\":true,"
                + "\"people\":480},"
                + "{\"reason\":\"local_objection\",\"rows\":null,\"peopleCountable\":true,\"people\":null}]");
    }
}
