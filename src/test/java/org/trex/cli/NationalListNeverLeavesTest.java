package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A run applies the national data opt-out allow list without the list ever leaving the database: no number on it
 * appears in the run's log (a child JVM's whole stdout and stderr, Spark's and PostgreSQL's driver's included), its
 * extract or its lineage, which records only the list's date and the rows and people left out.
 */
class NationalListNeverLeavesTest {
    @TempDir
    Path root;

    @Test
    void noNumberOnTheListIsInTheLogTheExtractOrTheLineage() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 31);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-NDOP").code()).isEqualTo(ExitCode.OK);
        Path log = root.resolve("run.log");

        Process run = Workspace.start(workspace.runArguments(), log);
        int code = run.waitFor();

        String output = Files.readString(log);
        assertThat(code).as(output).isEqualTo(ExitCode.OK);
        assertThat(output).contains("National data opt-out: allow list of 2026-06-01, 29 days old on 2026-06-30",
                "left out: national_data_opt_out_or_unchecked");
        List<String> allowed = Sql.strings(url, "SELECT nhs_number FROM opt_out.national_data_allow_list");
        assertThat(allowed).hasSizeGreaterThan(500);
        List<Path> written = Workspace.files(workspace.published().get(0));
        List<String> found = new ArrayList<>();
        for (String number : allowed) {
            if (output.contains(number)) {
                found.add("log: " + number);
            }
        }
        String lineage = "";
        for (Path file : written) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            allowed.stream().filter(content::contains).forEach(n -> found.add(file + ": " + n));
            if (file.endsWith("lineage/openlineage.ndjson")) {
                lineage = content;
            }
        }
        assertThat(found).as("allow-list numbers outside the database").isEmpty();
        assertThat(lineage).contains("{\"key\":\"national_data_opt_out_list_date\",\"value\":\"2026-06-01\"}",
                "\"reason\":\"national_data_opt_out_or_unchecked\"");
        assertThat(Files.readString(workspace.published().get(0).resolve("data/spells.csv")).lines().count())
                .as("the extract holds rows").isGreaterThan(10);
    }
}
