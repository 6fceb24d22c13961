package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * {@code trex demo} loads its council's CLD files as a council would, held to the council's own LA code, and says
 * so for each file; {@code trex generate --as-files} prints the load commands with that code.
 */
class DemoLoadsTheCouncilsFilesHeldToItsCodeTest {
    @TempDir
    Path dir;

    @Test
    void theDemosFilesLoadHeldToTheCouncilsCode() {
        DatabaseUrl url = TestDatabase.fresh();
        Result generate = Workspace.trex("generate", "--people", "200", "--seed", "7", "--database-url",
                url.jdbcUrl());
        assertThat(generate.code()).as(generate.all()).isEqualTo(ExitCode.OK);
        StringWriter printed = new StringWriter();

        DemoFiles.writeAndLoad(url, dir.resolve("council-files"), 7, Path.of("mappings"), new PrintWriter(printed));

        assertThat(printed.toString()).contains("LA_Code checked: every row loaded states the council's own,"
                + " E06000016").doesNotContain("LA_Code not checked");
        assertThat(Sql.strings(url, "SELECT DISTINCT council_code FROM social_care.person"))
                .containsExactly("E06000016");
    }

    @Test
    void generatedFilesArePrintedWithTheCouncilsCode() {
        DatabaseUrl url = TestDatabase.fresh();

        Result generate = Workspace.trex("generate", "--people", "200", "--seed", "7", "--as-files",
                dir.resolve("files").toString(), "--database-url", url.jdbcUrl());

        assertThat(generate.code()).as(generate.all()).isEqualTo(ExitCode.OK);
        assertThat(generate.out()).containsPattern("trex load social-care \\S+cld-\\d{4}-\\d{2}\\.csv --mapping"
                + " mappings/cld-release-1.yaml --council-code E06000016\n");
    }
}
