package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.generate.SyntheticData;
import org.trex.generate.TraceFailureBias;
import org.trex.lineage.LineageValidator;
import org.trex.optout.ExclusionReason;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A real run of the spells output on a small generated population records the linkage and exclusions section in
 * its lineage: the index events it counts are the rows the output read, and what it says each reason left out is
 * what the run's own exclusion counts say. The policy shows every count as it is (nothing suppressed, rounded to
 * 1), so the section's counts and the run's can be compared exactly.
 */
class RunLinkageSectionReconcilesWithExclusionsTest {
    @TempDir
    Path root;

    @Test
    void theSectionsLeftOutCountsAreTheRunsExclusionCounts() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1500, 23, Optional.of(TraceFailureBias.parse("ethnicity=Asian=0.9")));
        Workspace workspace = Workspace.create(root, url, policy -> policy
                .replace("suppress_at_or_below: 7", "suppress_at_or_below: 0")
                .replace("round_to: 5", "round_to: 1")
                .replace("zeros: disclosive", "zeros: safe"));
        String spec = Files.readString(workspace.spec);
        Files.writeString(workspace.spec, spec.substring(0, spec.indexOf("  - name: social_care_events"))
                + spec.substring(spec.indexOf("schedule:")));
        assertThat(workspace.approve("IGB-LINKAGE").code()).isEqualTo(ExitCode.OK);

        Workspace.Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        Path extract = workspace.published().get(0);
        List<String> events = Files.readAllLines(extract.resolve("lineage/openlineage.ndjson"));
        JsonNode complete = new ObjectMapper().readTree(events.get(events.size() - 1));
        assertThat(LineageValidator.validate(complete)).isEmpty();
        JsonNode linkage = complete.at("/run/facets/trex_linkage");
        assertThat(linkage.path("suppressedAtOrBelow").asInt()).isZero();

        Map<String, Long> runLeftOut = new HashMap<>();
        complete.at("/run/facets/trex_exclusions/exclusions")
                .forEach(e -> runLeftOut.put(e.path("reason").asText(), e.path("rows").asLong()));
        Map<String, Long> sectionLeftOut = new HashMap<>();
        linkage.path("breakdowns")
                .forEach(b -> sectionLeftOut.put(b.path("reason").asText(), b.path("leftOut").asLong()));
        long anyReason = 0;
        for (ExclusionReason reason : ExclusionReason.values()) {
            long rows = runLeftOut.getOrDefault(reason.code(), 0L);
            assertThat(sectionLeftOut.getOrDefault(reason.code(), 0L)).as(reason.code()).isEqualTo(rows);
            anyReason += rows;
        }
        assertThat(runLeftOut.get("national_data_opt_out_or_unchecked")).isPositive();
        assertThat(sectionLeftOut.get("any_reason")).isEqualTo(anyReason);
        assertThat(linkage.path("indexEvents").asLong())
                .isEqualTo(complete.at("/run/facets/trex_reconciliation/outputs/0/rowsIn").asLong());
        assertThat(linkage.path("warnings").toString())
                .contains("Ethnicity group Asian, Not linked to a council record");
        assertThat(Files.readString(extract.resolve("lineage/report.html")))
                .contains("<h2>Linkage and exclusions", "Ethnicity group Asian, Not linked to a council record");
        assertThat(Files.readString(extract.resolve("lineage/report.md"))).contains("## Linkage and exclusions");
    }
}
