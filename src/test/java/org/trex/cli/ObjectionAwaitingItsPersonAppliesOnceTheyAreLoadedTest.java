package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
 * An objection in the register whose person social care has not loaded yet (a new client, or the register loaded
 * first) is kept and applies from the social care load that brings the person in: dropping it would let their
 * records reach an extract once they are loaded.
 */
class ObjectionAwaitingItsPersonAppliesOnceTheyAreLoadedTest {
    private static final String OBJECTIONS_OF_P2 = "SELECT count(*) FROM opt_out.local_objection o"
            + " JOIN social_care.person p USING (person_id) WHERE p.council_person_id = 'P2'";
    private static final String AWAITING = "SELECT count(*) FROM opt_out.objection_awaiting_person";

    @TempDir
    Path dir;

    @Test
    void theObjectionIsFlaggedKeptAndAdoptedByTheLoadThatBringsItsPersonIn() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        load(url, "social-care", CldFile.socialCare().row("P1", "E1").write(dir.resolve("cld-2024.csv")));

        Result register = load(url, "objections",
                CldFile.objections().row("P1", "").row("P2", "").write(dir.resolve("objections.csv")));

        assertThat(register.out()).contains("Loaded 2 objections rows", "flag             1 UNKNOWN_PERSON: the person"
                + " identifier names no person loaded from social care yet: kept, and applied from the social care load"
                + " that brings the person in");
        assertThat(Files.readString(dir.resolve("objections-report.csv"))).contains("UNKNOWN_PERSON")
                .doesNotContain("P2");
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.local_objection")).isEqualTo(1);
        assertThat(Sql.count(url, AWAITING)).isEqualTo(1);

        load(url, "social-care", CldFile.socialCare().row("P2", "E2", nextYear()).write(dir.resolve("cld-2025.csv")));

        assertThat(Sql.count(url, OBJECTIONS_OF_P2)).isEqualTo(1);
        assertThat(Sql.count(url, AWAITING)).isZero();
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.local_objection o JOIN social_care.person p"
                + " USING (person_id) WHERE p.council_person_id = 'P2' AND o.recorded_date = DATE '2024-07-01'"
                + " AND o.received_via = 'Letter' AND o.withdrawn_date IS NULL")).isEqualTo(1);
    }

    @Test
    void theRegisterLoadedAgainReplacesTheObjectionsThatAwaitTheirPersonToo() {
        DatabaseUrl url = TestDatabase.fresh();
        load(url, "social-care", CldFile.socialCare().row("P1", "E1").write(dir.resolve("cld-2024.csv")));
        load(url, "objections", CldFile.objections().row("P2", "").write(dir.resolve("objections.csv")));

        load(url, "objections", CldFile.objections().row("P2", "").write(dir.resolve("objections.csv")));
        // the period holds no objection of a loaded person, only P2's, which it still replaces
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.local_objection")).isZero();
        assertThat(Sql.count(url, AWAITING)).isEqualTo(1);

        // the objection was withdrawn from the register before its person came: nothing waits for them now
        load(url, "objections", CldFile.objections().row("P1", "").write(dir.resolve("objections.csv")));
        load(url, "social-care", CldFile.socialCare().row("P2", "E2", nextYear()).write(dir.resolve("cld-2025.csv")));

        assertThat(Sql.count(url, AWAITING)).isZero();
        assertThat(Sql.count(url, OBJECTIONS_OF_P2)).isZero();
    }

    private static Map<String, String> nextYear() {
        return Map.of("Reporting_Period_Start_Date", "2025-04-01", "Reporting_Period_End_Date", "2026-03-31",
                "Event_Start_Date", "2025-05-01", "Event_End_Date", "2025-06-01");
    }

    private Result load(DatabaseUrl url, String source, Path file) {
        String name = file.getFileName().toString().replace(".csv", "");
        Result load = Workspace.trex("load", source, file.toString(), "--report",
                dir.resolve(name + "-report.csv").toString(), "--database-url", url.jdbcUrl());
        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        return load;
    }
}
