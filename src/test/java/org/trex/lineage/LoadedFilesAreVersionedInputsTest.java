package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each file a run's sources were loaded from is an OpenLineage input dataset whose version is the file's SHA-256,
 * with its source, period and rows, in START and COMPLETE alike; the events still validate against the schemas.
 */
class LoadedFilesAreVersionedInputsTest {
    private static final SourceLoad CLD = new SourceLoad("social-care", "2024-04-01/2025-03-31", "cld-2024-25.csv",
            "a".repeat(64), 1_234, Instant.parse("2025-05-01T09:00:00Z"));
    private static final SourceLoad APC = new SourceLoad("hospital", "all", "apc.csv", "b".repeat(64), 56,
            Instant.parse("2025-05-01T09:05:00Z"));

    @Test
    void everyLoadedFileIsAnInputVersionedByItsDigest() {
        LineageRun run = SampleLineage.finished().withLoads(List.of(CLD, APC));

        ObjectNode complete = OpenLineageEvents.complete(run, SampleLineage.COMPLETED);
        ObjectNode start = OpenLineageEvents.start(SampleLineage.started().withLoads(List.of(CLD, APC)));

        assertThat(LineageValidator.validate(complete)).isEmpty();
        assertThat(LineageValidator.validate(start)).isEmpty();
        for (ObjectNode event : List.of(start, complete)) {
            List<JsonNode> files = inputsIn(event, SourceLoad.NAMESPACE);
            assertThat(files).extracting(input -> input.path("name").asText())
                    .containsExactly("cld-2024-25.csv", "apc.csv");
            assertThat(files.get(0).at("/facets/version/datasetVersion").asText()).isEqualTo("a".repeat(64));
            assertThat(files.get(1).at("/facets/trex_load").toString()).contains("\"source\":\"hospital\"",
                    "\"period\":\"all\"", "\"rowsLoaded\":56", "\"loadedAt\":\"2025-05-01T09:05:00Z\"");
        }
    }

    @Test
    void verificationReadsTheLoadsBackFromTheCompleteEvent(@TempDir Path extract) {
        LineageRun run = SampleLineage.finished().withLoads(List.of(CLD, APC));
        Path log = extract.resolve(LineageLog.PATH);
        LineageLog.append(log, OpenLineageEvents.start(run));
        LineageLog.append(log, OpenLineageEvents.complete(run, SampleLineage.COMPLETED));

        assertThat(ExtractVerifier.loads(extract)).containsExactly(CLD, APC);
    }

    private static List<JsonNode> inputsIn(ObjectNode event, String namespace) {
        List<JsonNode> found = new java.util.ArrayList<>();
        event.path("inputs").forEach(input -> {
            if (input.path("namespace").asText().equals(namespace)) {
                found.add(input);
            }
        });
        return found;
    }
}
