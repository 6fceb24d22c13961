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
 * With the council's own LA code set ({@code --council-code}), a CLD file with a row that states another is refused
 * whole, exit 2, naming the file, the other codes, their rows and lines, and the council's; nothing is written, a dry
 * run says the same, and the council's own file then loads (a wrong file is not taken as the council's). A value in
 * LA_Code that is no ONS code (a column mapped wrongly) is counted, never shown. (A file's path is matched by its end:
 * the test folder's name is digits, which a message shows as [redacted].)
 */
class AnotherCouncilsFileIsRefusedTest {
    private static final String OURS = "E06000016";

    @TempDir
    Path dir;

    @Test
    void anotherCouncilsFileIsRefusedAndTheCouncilsOwnThenLoads() {
        DatabaseUrl url = TestDatabase.fresh();
        Path theirs = CldFile.socialCare().row("P1", "E1").row("P2", "E2").write(dir.resolve("theirs.csv"));
        Path ours = CldFile.socialCare().row("P1", "E1", code(OURS)).row("P2", "E2", code(OURS))
                .write(dir.resolve("ours.csv"));

        Result refused = load(url, theirs, "--council-code", OURS);
        Result loaded = load(url, ours, "--council-code", OURS);

        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).startsWith("trex: Cannot load ").endsWith("theirs.csv: 2 of its 2 rows state an"
                + " LA_Code other than the council's code set, E06000016: E08000026 on 2 rows (lines 2, 3); another"
                + " council's file, or its rows merged in?\n");
        assertThat(loaded.code()).as(loaded.all()).isEqualTo(ExitCode.OK);
        assertThat(loaded.out()).contains("LA_Code checked: every row loaded states the council's own, E06000016",
                "Loaded 2 social-care rows");
        assertThat(Sql.strings(url, "SELECT DISTINCT council_code FROM social_care.person")).containsExactly(OURS);
        assertThat(Sql.count(url, "SELECT count(*) FROM trex_governance.source_load")).isEqualTo(1);
    }

    @Test
    void aDryRunIsRefusedAlike() {
        DatabaseUrl url = TestDatabase.fresh();
        Path theirs = CldFile.socialCare().row("P1", "E1").write(dir.resolve("theirs.csv"));

        Result dry = load(url, theirs, "--council-code", OURS, "--dry-run");

        assertThat(dry.code()).as(dry.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(dry.err()).endsWith("theirs.csv: 1 of its 1 rows state an LA_Code other than the council's code"
                + " set, E06000016: E08000026 on 1 row (line 2); another council's file, or its rows merged in?\n");
        assertThat(dry.out()).doesNotContain("Dry run: nothing written");
    }

    @Test
    void aFileWithAnotherCouncilsRowsMergedInIsRefusedWithoutShowingWhatIsNoCode() {
        DatabaseUrl url = TestDatabase.fresh();
        CldFile rows = CldFile.socialCare();
        for (int i = 1; i <= 8; i++) {
            rows.row("P" + i, "E" + i, code(OURS));
        }
        Path merged = rows.row("Q1", "F1").row("Q2", "F2", code(CldFile.NHS_NUMBER))
                .row("Q3", "F3", code(" e06000016 ")).write(dir.resolve("merged.csv"));

        Result refused = load(url, merged, "--council-code", "e06000016");

        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).endsWith("merged.csv: 2 of its 11 rows state an LA_Code other than the council's"
                + " code set, E06000016: E08000026 on 1 row (line 10) and values that are not ONS codes (not shown)"
                + " on 1 row (line 11); another council's file, or its rows merged in?\n")
                .doesNotContain(CldFile.NHS_NUMBER);
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isZero();
        assertThat(Sql.count(url, "SELECT count(*) FROM trex_governance.audit_log WHERE action = 'LOAD_REFUSED'"))
                .isEqualTo(1);
    }

    private static Map<String, String> code(String laCode) {
        return Map.of("LA_Code", laCode);
    }

    private Result load(DatabaseUrl url, Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("load", "social-care", file.toString(), "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl()));
        args.addAll(List.of(options));
        return Workspace.trex(args.toArray(String[]::new));
    }
}
