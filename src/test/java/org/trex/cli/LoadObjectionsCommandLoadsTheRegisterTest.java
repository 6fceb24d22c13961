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

/** {@code trex load objections FILE}, after the social care load that names its people, loads the register. */
class LoadObjectionsCommandLoadsTheRegisterTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheObjectionsOfPeopleTheCouncilHolds() {
        DatabaseUrl url = TestDatabase.fresh();
        Path people = CldFile.socialCare().row("P1", "E1").row("P2", "E2").write(dir.resolve("cld.csv"));
        Path register = CldFile.objections().row("P1", "").write(dir.resolve("objections.csv"));
        Result care = Workspace.trex("load", "social-care", people.toString(), "--report",
                dir.resolve("care-report.csv").toString(), "--database-url", url.jdbcUrl());
        assertThat(care.code()).as(care.all()).isEqualTo(ExitCode.OK);

        Result load = Workspace.trex("load", "objections", register.toString(), "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());

        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        assertThat(load.out()).contains("Loaded 1 objections rows");
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.local_objection")).isEqualTo(1);
    }
}
