package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.extract.FileDigests;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * With the governance tables in a database of their own, a load commits its rows and then its record. When the
 * record's commit fails after the rows' (here a check the governance database makes only at commit), the source holds
 * rows no record accounts for: a run refuses to read them, before any row is read, until the file is loaded again.
 */
class RunRefusesALoadWithoutItsRecordTest {
    @TempDir
    Path root;

    @Test
    void aRunIsRefusedUntilTheFileWhoseRecordDidNotCommitIsLoadedAgain() {
        DatabaseUrl source = TestDatabase.fresh();
        DatabaseUrl governance = TestDatabase.fresh();
        SyntheticData.generate(source, 1000, 3);
        GovernanceSchema.migrate(governance);
        Sql.execute(governance, "CREATE FUNCTION trex_governance.refuse() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'record refused at commit'; END $$");
        Sql.execute(governance, "CREATE CONSTRAINT TRIGGER refuse AFTER INSERT ON trex_governance.source_load"
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION trex_governance.refuse()");
        Path spells = CldFile.hospital().row("", "UNRECORDED-1").row("", "UNRECORDED-2").write(root.resolve("apc.csv"));
        String sha256 = FileDigests.sha256(spells);

        Result load = load(spells, source, governance);

        assertThat(load.code()).as(load.all()).isNotEqualTo(ExitCode.OK);
        assertThat(load.err()).contains("record refused at commit");
        assertThat(Sql.count(source, "SELECT count(*) FROM source_load.current_file")).isEqualTo(1);
        Sql.execute(governance, "DROP TRIGGER refuse ON trex_governance.source_load");
        Workspace workspace = Workspace.create(root.resolve("work"), source);
        assertThat(workspace.approve("IGB-UNRECORDED", "--governance-url", governance.jdbcUrl()).code())
                .isEqualTo(ExitCode.OK);

        Result refused = workspace.run("--governance-url", governance.jdbcUrl());

        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.BAD_INPUT);
        // The file's folder is a temporary one, whose digits the terminal's scrubbing of messages redacts.
        assertThat(refused.err()).contains("Cannot run extract discharge-delays: the source's hospital period all was"
                + " loaded from ", "/apc.csv (SHA-256 " + sha256 + "), but the governance records hold no such load"
                + " (its rows committed and its record did not); load the file again with trex load, which records it");
        assertThat(workspace.published()).isEmpty();
        assertThat(new AuditLog(governance).list(Optional.empty()))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo(AuditAction.RUN_REFUSED));

        assertThat(load(spells, source, governance).code()).isEqualTo(ExitCode.OK);
        Result run = workspace.run("--governance-url", governance.jdbcUrl());

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        assertThat(workspace.published()).hasSize(1);
    }

    private Result load(Path spells, DatabaseUrl source, DatabaseUrl governance) {
        return Workspace.trex("load", "hospital", spells.toString(), "--report", root.resolve("report.csv").toString(),
                "--database-url", source.jdbcUrl(), "--governance-url", governance.jdbcUrl());
    }
}
