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
 * An objection naming no person social care holds is quarantined, and nothing keeps it: it does not apply once its
 * person is loaded unless the register is loaded again. The objection load warns of the objections it could not
 * record, and a social care load that adds people after the register warns that it must be loaded again.
 */
class ObjectionsNamingNoPersonYetAreWarnedOfTest {
    @TempDir
    Path dir;

    @Test
    void bothLoadsSayTheRegisterMustBeLoadedAgain() {
        DatabaseUrl url = TestDatabase.fresh();
        Path first = CldFile.socialCare().row("P1", "E1").write(dir.resolve("cld.csv"));
        Path register = CldFile.objections().row("P1", "").row("P2", "").write(dir.resolve("objections.csv"));
        Path second = CldFile.socialCare().row("P1", "E1").row("P2", "E2").write(dir.resolve("cld-again.csv"));
        assertThat(load(url, "social-care", first).code()).isEqualTo(ExitCode.OK);

        Result objections = load(url, "objections", register);
        Result care = load(url, "social-care", second);
        Result again = load(url, "objections", register);

        assertThat(objections.code()).as(objections.all()).isEqualTo(ExitCode.OK);
        assertThat(objections.out()).contains("Loaded 1 objections rows for period all").contains("\nWARNING:"
                + " objections naming no person loaded from social care: 1, quarantined; they do not apply, now or"
                + " once their people are loaded, until this register is loaded again after the social care files that"
                + " hold them\n");
        assertThat(care.code()).as(care.all()).isEqualTo(ExitCode.OK);
        assertThat(care.out()).contains("\nWARNING: this load adds 1 person after the objection register was loaded:"
                + " load the register again (trex load objections FILE), as any objection it holds for one of them was"
                + " quarantined then, as naming no person, and does not apply until it is loaded again\n");
        assertThat(again.code()).as(again.all()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).doesNotContain("WARNING");
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.local_objection")).isEqualTo(2);
    }

    private Result load(DatabaseUrl url, String source, Path file) {
        return Workspace.trex("load", source, file.toString(), "--report", dir.resolve("report.csv").toString(),
                "--database-url", url.jdbcUrl());
    }
}
