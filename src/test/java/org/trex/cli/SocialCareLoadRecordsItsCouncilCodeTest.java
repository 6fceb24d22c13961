package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A social care load's LOAD audit entry says whether its rows were held to the council's own LA code, and to which,
 * so an information governance officer reading the log can tell a load checked against the council from one that
 * was held only to one code; other sources' entries say nothing of a council. Its record in
 * {@code trex_governance.source_load}, which a run's lineage cites, holds the code too, and no code otherwise.
 */
class SocialCareLoadRecordsItsCouncilCodeTest {
    private static final String OURS = "E06000016";

    @TempDir
    Path dir;

    @Test
    void aLoadHeldToTheCouncilsCodeRecordsIt() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1", Map.of("LA_Code", OURS)).write(dir.resolve("ours.csv"));

        Result loaded = load(url, "social-care", file, "--council-code", OURS);

        assertThat(loaded.code()).as(loaded.all()).isEqualTo(ExitCode.OK);
        assertThat(councilCode(url)).isEqualTo(OURS);
        assertThat(recorded(url)).isEqualTo(OURS);
    }

    @Test
    void aLoadWithoutTheCouncilsCodeRecordsThatItWasNotChecked() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1").write(dir.resolve("cld.csv"));

        Result loaded = load(url, "social-care", file);

        assertThat(loaded.code()).as(loaded.all()).isEqualTo(ExitCode.OK);
        assertThat(councilCode(url)).isEqualTo("not set: LA_Code held to one code, not checked to be the council's");
        assertThat(recorded(url)).isEqualTo("(none)");
    }

    @Test
    void aHospitalLoadNamesNoCouncil() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.hospital().row("", "S1").write(dir.resolve("apc.csv"));

        Result loaded = load(url, "hospital", file);

        assertThat(loaded.code()).as(loaded.all()).isEqualTo(ExitCode.OK);
        assertThat(councilCode(url)).isEqualTo("(none)");
        assertThat(recorded(url)).isEqualTo("(none)");
    }

    private static String councilCode(DatabaseUrl url) {
        return Sql.strings(url, "SELECT coalesce(details ->> 'councilCode', '(none)') FROM trex_governance.audit_log"
                + " WHERE action = 'LOAD'").get(0);
    }

    private static String recorded(DatabaseUrl url) {
        return Sql.strings(url, "SELECT coalesce(council_code, '(none)') FROM trex_governance.source_load").get(0);
    }

    private Result load(DatabaseUrl url, String source, Path file, String... options) {
        return Workspace.load(url, source, file, dir.resolve("report.csv"), options);
    }
}
