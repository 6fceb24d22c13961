package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.extract.FileDigests;
import org.trex.generate.SyntheticData;
import org.trex.lineage.LineageLog;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * An extract read from loaded data names, in its lineage, each file loaded into what it read, as an input dataset
 * versioned by the file's SHA-256; {@code trex verify} prints them and finds each in the governance records.
 */
class ExtractLineageNamesItsLoadsTest {
    @TempDir
    Path root;

    @Test
    void theLoadedSpellsFileIsAnInputOfTheExtractAndVerifyShowsIt() {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 3);
        Path spells = CldFile.hospital().row("", "LOADED-1").row("", "LOADED-2").write(root.resolve("apc.csv"));
        Result load = Workspace.trex("load", "hospital", spells.toString(), "--report",
                root.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());
        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        Workspace workspace = Workspace.create(root.resolve("work"), url);
        assertThat(workspace.approve("IGB-LOADS").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        Path extract = workspace.published().get(0);
        String sha256 = FileDigests.sha256(spells);
        List<JsonNode> loaded = new ArrayList<>();
        LineageLog.read(extract.resolve(LineageLog.PATH)).forEach(event -> event.path("inputs").forEach(input -> {
            if (input.path("facets").has("trex_load")) {
                loaded.add(input);
            }
        }));
        assertThat(loaded).hasSize(2).allSatisfy(input -> {
            assertThat(input.path("name").asText()).isEqualTo(spells.toString());
            assertThat(input.at("/facets/version/datasetVersion").asText()).isEqualTo(sha256);
            assertThat(input.at("/facets/trex_load/source").asText()).isEqualTo("hospital");
            // Two rows loaded: at or below the policy's threshold, so the lineage suppresses the count.
            assertThat(input.at("/facets/trex_load/rowsLoaded").isNull()).isTrue();
        });
        Result verify = Workspace.trex("verify", extract.toString(), "--board", workspace.boardFile().toString(),
                "--database-url", url.jdbcUrl());
        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("LOADED FROM hospital all: " + spells + " SHA-256 " + sha256
                + " (a suppressed count of rows loaded");
    }
}
