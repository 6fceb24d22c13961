package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * {@code --council-code} takes the council's ONS code (a letter and eight digits), as its CLD files state it; any
 * other, such as the old three-digit LA number or the council's name, is refused, exit 2, before a file is read.
 */
class CouncilCodeThatIsNoOnsCodeIsRefusedTest {
    @TempDir
    Path dir;

    @Test
    void aCodeOfAnotherFormIsRefusedBeforeAnythingIsRead() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1").write(dir.resolve("cld.csv"));

        Result refused = Workspace.trex("load", "social-care", file.toString(), "--council-code", "856",
                "--report", dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());

        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).isEqualTo("trex: Cannot take '856' as the council's LA code: it is not an ONS code,"
                + " a letter and eight digits, such as E06000016 (as the council's CLD files state it in LA_Code)\n");
        assertThat(Sql.count(url, "SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = 'social_care'"))
                .isZero();
    }
}
