package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;
import static org.trex.source.jooq.source_load.Tables.CURRENT_FILE;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/** A load and its governance record are one decision: when the record cannot be written, nothing is loaded. */
class LoadThatCannotBeRecordedLoadsNothingTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedRecordRollsTheLoadBack() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        try (Connection connection = url.connect()) {
            DSL.using(connection, SQLDialect.POSTGRES).execute("""
                    CREATE FUNCTION trex_governance.refuse_loads() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'records are closed today'; END; $$;
                    CREATE TRIGGER refuse_loads BEFORE INSERT ON trex_governance.source_load_file
                        FOR EACH ROW EXECUTE FUNCTION trex_governance.refuse_loads();
                    """);
        }
        Path file = CldFile.hospital().row("", "S1").row("", "S2").write(dir.resolve("apc.csv"));

        Result load = Workspace.trex("load", "hospital", file.toString(), "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());

        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(load.err()).contains("Cannot record the load of hospital files in ", "records are closed today");
        try (Connection connection = url.connect()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            assertThat(db.fetchCount(INPATIENT_SPELL)).isZero();
            assertThat(db.fetchCount(CURRENT_FILE)).isZero();
        }
        assertThat(new AuditLog(url).list(Optional.empty())).noneMatch(e -> e.action() == AuditAction.LOAD);
    }
}
