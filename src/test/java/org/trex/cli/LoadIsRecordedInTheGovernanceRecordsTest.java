package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.extract.FileDigests;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.governance.RecordedLoad;
import org.trex.governance.SourceLoads;
import org.trex.load.CldFile;
import org.trex.load.LoadedFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * {@code trex load} records each load in the governance tables (source, period, who, each file's name, SHA-256 and
 * rows read, loaded and quarantined) with a LOAD audit entry that says the same, in an intact audit chain.
 */
class LoadIsRecordedInTheGovernanceRecordsTest {
    @TempDir
    Path dir;

    @Test
    void aLoadIsRecordedWithItsFileDigestRowsAndWhoLoadedIt() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.hospital().row("", "S1").row("", "S2")
                .row("", "S3", Map.of("Start_Date_Hospital_Provider_Spell", "2024-13-01"))
                .write(dir.resolve("apc.csv"));
        String sha256 = FileDigests.sha256(file);

        Result load = Workspace.trex("load", "hospital", file.toString(), "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());

        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        List<RecordedLoad> loads = new SourceLoads(url, Clock.systemUTC()).withFiles(List.of(sha256));
        assertThat(loads).hasSize(1);
        RecordedLoad recorded = loads.get(0);
        assertThat(recorded.source()).isEqualTo("hospital");
        assertThat(recorded.period()).isEqualTo("all");
        assertThat(recorded.loadedBy()).isEqualTo(Actor.current());
        assertThat(recorded.files()).containsExactly(new LoadedFile(file.toString(), sha256, 3, 2));
        AuditEntry entry = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.LOAD).reduce((first, second) -> second).orElseThrow();
        assertThat(entry.seq()).isEqualTo(recorded.auditSeq());
        assertThat(entry.actor()).isEqualTo(Actor.current());
        assertThat(entry.details()).contains("\"source\":\"hospital\"", "\"period\":\"all\"",
                "\"sha256\":\"" + sha256 + "\"", "\"rowsRead\":3", "\"rowsLoaded\":2", "\"rowsQuarantined\":1");
        assertThat(new AuditLog(url).verify()).isEmpty();
    }

    @Test
    void aLoadIsRecordedInASeparateGovernanceDatabase() {
        DatabaseUrl source = TestDatabase.fresh();
        DatabaseUrl governance = TestDatabase.fresh();
        Path file = CldFile.hospital().row("", "S1").write(dir.resolve("apc.csv"));

        Result load = Workspace.trex("load", "hospital", file.toString(), "--report",
                dir.resolve("report.csv").toString(), "--database-url", source.jdbcUrl(), "--governance-url",
                governance.jdbcUrl());

        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        assertThat(new SourceLoads(governance, Clock.systemUTC()).withFiles(List.of(FileDigests.sha256(file))))
                .singleElement().satisfies(recorded -> assertThat(recorded.source()).isEqualTo("hospital"));
        assertThat(Sql.count(source, "SELECT count(*) FROM health.inpatient_spell")).isEqualTo(1);
        assertThat(Sql.count(source, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'trex_governance'")).isZero();
    }
}
