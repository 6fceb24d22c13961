package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.lineage.LineageLog;
import org.trex.lineage.LineageReport;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * An extract's lineage says of each social care file it was built from whether its load held the rows' LA_Code to the
 * council's own code, and to which, as the governance records of the load say, and its report says it in words; so a
 * board can tell rows checked to be the council's from rows of a file another council's would have passed as.
 * {@code trex verify} prints it, and finds the load held to the same in the records.
 */
class LineageSaysWhetherSocialCareWasHeldToTheCouncilsCodeTest {
    /** The code {@link CldFile}'s rows state. */
    private static final String OURS = "E08000026";

    @TempDir
    Path root;

    @Test
    void aFileLoadedWithTheCouncilsCodeNamesItAndOneLoadedWithoutSaysItWasNotChecked() throws IOException {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 3);
        Path held = CldFile.socialCare().row("P1", "E1").write(root.resolve("cld-2024-25.csv"));
        Path unchecked = CldFile.socialCare().row("P2", "E2", Map.of("NHS_Number", CldFile.OTHER_NHS_NUMBER,
                "Reporting_Period_Start_Date", "2023-04-01", "Reporting_Period_End_Date", "2024-03-31",
                "Event_Start_Date", "2023-05-01", "Event_End_Date", "2023-06-01"))
                .write(root.resolve("cld-2023-24.csv"));
        load(url, held, "--council-code", OURS);
        load(url, unchecked);
        Workspace workspace = Workspace.create(root.resolve("work"), url);
        assertThat(workspace.approve("IGB-COUNCIL").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        Path extract = workspace.published().get(0);
        Map<String, JsonNode> loads = new LinkedHashMap<>();
        LineageLog.read(extract.resolve(LineageLog.PATH)).stream()
                .filter(event -> "COMPLETE".equals(event.path("eventType").asText()))
                .forEach(event -> event.path("inputs").forEach(input -> {
                    if (input.path("facets").has("trex_load")) {
                        loads.put(input.path("name").asText(), input.at("/facets/trex_load"));
                    }
                }));
        assertThat(loads.get(held.toString()).path("councilCode").asText()).isEqualTo(OURS);
        assertThat(loads.get(unchecked.toString()).has("councilCode")).isTrue();
        assertThat(loads.get(unchecked.toString()).path("councilCode").isNull()).isTrue();
        String checkedInWords = "LA_Code checked: every row loaded states the council's own, " + OURS;
        String uncheckedInWords = "LA_Code not checked against the council's own (another council's file would have"
                + " loaded), only that the rows state one code";
        for (String report : List.of(Files.readString(extract.resolve(LineageReport.MARKDOWN_PATH)),
                Files.readString(extract.resolve(LineageReport.HTML_PATH)))) {
            String plain = report.replace("\\_", "_").replace("&#39;", "'");
            assertThat(plain).contains(held.toString(), checkedInWords, unchecked.toString(), uncheckedInWords);
        }
        Result verify = Workspace.trex("verify", extract.toString(), "--board", workspace.boardFile().toString(),
                "--database-url", url.jdbcUrl());
        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("LOADED FROM social-care 2024-04-01/2025-03-31: " + held, checkedInWords,
                "LOADED FROM social-care 2023-04-01/2024-03-31: " + unchecked, uncheckedInWords);
    }

    private void load(DatabaseUrl url, Path file, String... options) {
        Result load = Workspace.load(url, "social-care", file, root.resolve("report.csv"), options);
        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
    }
}
