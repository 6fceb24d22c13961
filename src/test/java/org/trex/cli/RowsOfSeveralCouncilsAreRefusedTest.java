package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * Without the council's own LA code set, a social care load is still held to one LA code: a CLD submission is one
 * council's, so a file whose rows state two, or files that state two between them, hold another council's rows and
 * are refused, exit 2, with each code's rows and lines, and nothing is written. (A file's path is matched by its end:
 * the test folder's name is digits, which a message shows as [redacted].)
 */
class RowsOfSeveralCouncilsAreRefusedTest {
    @TempDir
    Path dir;

    @Test
    void aFileOfTwoCodesIsRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        Path merged = CldFile.socialCare().row("P1", "E1").row("P2", "E2", code("E06000016")).row("P3", "E3")
                .write(dir.resolve("merged.csv"));

        Result refused = load(url, merged);

        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).startsWith("trex: Cannot load ").endsWith("merged.csv: its rows state more than one"
                + " LA_Code, E06000016 on 1 row (line 3) and E08000026 on 2 rows (lines 2, 4), where a CLD file is one"
                + " council's submission; give the council's code (--council-code CODE, or set TREX_COUNCIL_CODE) to"
                + " name the rows of any other\n");
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isZero();
    }

    @Test
    void filesOfTwoCodesAreRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        Path first = CldFile.socialCare().row("P1", "E1").write(dir.resolve("first.csv"));
        Path second = CldFile.socialCare().row("P2", "E2", code("E06000016")).write(dir.resolve("second.csv"));

        Result refused = load(url, first, second);

        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).startsWith("trex: Cannot load [").contains("first.csv, ")
                .containsPattern("they state more than one LA_Code, E06000016 \\(.*second.csv\\) and E08000026"
                        + " \\(.*first.csv\\), where a load is one council's submission; give the council's code"
                        + " \\(--council-code CODE, or set TREX_COUNCIL_CODE\\) to name the files of any other\n$");
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isZero();
    }

    private static Map<String, String> code(String laCode) {
        return Map.of("LA_Code", laCode);
    }

    private Result load(DatabaseUrl url, Path... files) {
        List<String> args = new ArrayList<>(List.of("load", "social-care"));
        args.addAll(List.of(files).stream().map(Path::toString).toList());
        args.addAll(List.of("--report", dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl()));
        return Workspace.trex(args.toArray(String[]::new));
    }
}
