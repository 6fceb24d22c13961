package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each file a run's sources were loaded from is an OpenLineage input dataset whose version is the file's SHA-256,
 * with its source, period and rows (shown as the policy shows every count of the lineage), in START and COMPLETE
 * alike; the events still validate against the schemas.
 */
class LoadedFilesAreVersionedInputsTest {
    private static final SourceLoad CLD = load("social-care", "2024-04-01/2025-03-31", "cld-2024-25.csv", "a", 1_234,
            "2025-05-01T09:00:00Z");
    private static final SourceLoad APC = load("hospital", "all", "apc.csv", "b", 56, "2025-05-01T09:05:00Z");
    private static final SourceLoad OBJECTIONS = load("objections", "all", "objections.csv", "c", 5,
            "2025-05-01T09:06:00Z");

    @Test
    void everyLoadedFileIsAnInputVersionedByItsDigest() {
        LineageRun run = SampleLineage.finished().withLoads(List.of(CLD, APC, OBJECTIONS));

        ObjectNode complete = OpenLineageEvents.complete(run, SampleLineage.COMPLETED);
        ObjectNode start = OpenLineageEvents.start(SampleLineage.started().withLoads(List.of(CLD, APC, OBJECTIONS)));

        assertThat(LineageValidator.validate(complete)).isEmpty();
        assertThat(LineageValidator.validate(start)).isEmpty();
        for (ObjectNode event : List.of(start, complete)) {
            List<JsonNode> files = inputsIn(event, SourceLoad.NAMESPACE);
            assertThat(files).extracting(input -> input.path("name").asText())
                    .containsExactly("cld-2024-25.csv", "apc.csv", "objections.csv");
            assertThat(files.get(0).at("/facets/version/datasetVersion").asText()).isEqualTo("a".repeat(64));
            // Rows loaded are shown as the policy shows every count: rounded to 5, suppressed at or below 7.
            assertThat(files.get(1).at("/facets/trex_load").toString()).contains("\"source\":\"hospital\"",
                    "\"period\":\"all\"", "\"rowsLoaded\":55", "\"loadedAt\":\"2025-05-01T09:05:00Z\"");
            assertThat(files.get(2).at("/facets/trex_load").toString()).contains("\"rowsLoaded\":null");
        }
    }

    @Test
    void verificationReadsTheLoadsBackFromTheCompleteEvent(@TempDir Path extract) {
        LineageRun run = SampleLineage.finished().withLoads(List.of(CLD, APC, OBJECTIONS));
        Path log = extract.resolve(LineageLog.PATH);
        LineageLog.append(log, OpenLineageEvents.start(run));
        LineageLog.append(log, OpenLineageEvents.complete(run, SampleLineage.COMPLETED));

        List<SourceLoad> loads = ExtractVerifier.loads(extract);

        assertThat(loads).containsExactly(shown(CLD, OptionalLong.of(1_235)), shown(APC, OptionalLong.of(55)),
                shown(OBJECTIONS, OptionalLong.empty()));
        assertThat(loads.get(2).describe()).isEqualTo("objections all: objections.csv SHA-256 " + "c".repeat(64)
                + " (a suppressed count of rows loaded 2025-05-01T09:06:00Z)");
    }

    private static SourceLoad load(String source, String period, String file, String digit, long rows, String at) {
        return new SourceLoad(source, period, file, digit.repeat(64), OptionalLong.of(rows), Instant.parse(at));
    }

    /** The load as an extract's lineage publishes it. */
    private static SourceLoad shown(SourceLoad load, OptionalLong rows) {
        return new SourceLoad(load.source(), load.period(), load.fileName(), load.sha256(), rows, load.loadedAt());
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
