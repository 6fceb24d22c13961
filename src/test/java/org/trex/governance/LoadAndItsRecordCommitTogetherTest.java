package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;
import static org.trex.source.jooq.source_load.Tables.CURRENT_FILE;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.extract.FileDigests;
import org.trex.load.CldFile;
import org.trex.load.LoadMode;
import org.trex.load.LoadRequest;
import org.trex.load.SourceKind;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;
import org.trex.testing.TestDatabase;

/**
 * A load, its governance record and its LOAD audit entry commit in one transaction when the governance tables are in
 * the source database: a record that fails at the very commit (a deferred check) leaves no loaded row either, so no
 * data is ever there without the record {@code trex verify} looks for.
 */
class LoadAndItsRecordCommitTogetherTest {
    @TempDir
    Path dir;

    @Test
    void aRecordFailingAtCommitLeavesNoLoadedRow() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SourceSchema.migrate(url);
        GovernanceSchema.migrate(url);
        try (Connection connection = url.connect()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            // checked only at COMMIT: the data's and the record's commit must be one and the same
            db.execute("CREATE FUNCTION trex_governance.refuse() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION 'record refused at commit'; END $$");
            db.execute("CREATE CONSTRAINT TRIGGER refuse AFTER INSERT ON trex_governance.source_load"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION trex_governance.refuse()");
        }
        Path file = CldFile.hospital().row("", "S1").row("", "S2").write(dir.resolve("apc.csv"));
        LoadRequest request = new LoadRequest(SourceKind.HOSPITAL, List.of(file), Optional.empty(), Optional.empty(),
                Optional.empty(), LoadMode.LOAD);
        SourceLoads loads = new SourceLoads(url, Clock.systemUTC());

        assertThatThrownBy(() -> loads.load(url, request, "tester", report -> { }))
                .hasMessageContaining("record refused at commit");

        try (Connection connection = url.connect()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            assertThat(db.fetchCount(INPATIENT_SPELL)).isZero();
            assertThat(db.fetchCount(CURRENT_FILE)).isZero();
        }
        assertThat(loads.withFiles(List.of(FileDigests.sha256(file)))).isEmpty();
        assertThat(new AuditLog(url).list(Optional.empty())).noneMatch(e -> e.action() == AuditAction.LOAD);
    }
}
