package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A scheduler's run ID typed by hand with an NHS number or a full postcode in it goes into the lineage, the audit
 * log and the run's FAIL events redacted, as the audit log has always stored it: the run publishes, and nothing it
 * writes holds the number, where before the lineage held it and the run was refused after reading everything,
 * leaving the number in its failed-runs log.
 */
class SchedulerRunIdHoldingAnIdentifierIsRedactedTest {
    @TempDir
    Path root;

    @Test
    void aRunWhoseSchedulerRunIdHoldsAnNhsNumberPublishesWithItRedacted() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 43);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-TYPED-RUN-ID").code()).isEqualTo(ExitCode.OK);

        Workspace.Result run = workspace.run("--run-id", "manual__9990000018_LS1 4AP");

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        List<Path> published = workspace.published();
        assertThat(published).hasSize(1);
        assertThat(Files.readString(published.get(0).resolve("lineage/openlineage.ndjson")))
                .contains("{\"key\":\"scheduler_run_id\",\"value\":\"manual__[redacted]_[redacted]\"}");
        for (Path file : Workspace.files(workspace.out)) {
            assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("%s", file)
                    .doesNotContain("9990000018", "LS1 4AP");
        }
        List<AuditEntry> starts = new AuditLog(url).list(AuditAction.RUN_START);
        assertThat(starts).singleElement().satisfies(e -> assertThat(e.details())
                .contains("\"schedulerRunId\":\"manual__[redacted]_[redacted]\""));
        assertThat(new AuditLog(url).list(Optional.empty())).extracting(AuditEntry::action)
                .contains(AuditAction.RUN_END).doesNotContain(AuditAction.RUN_REFUSED);
        assertThat(run.all()).doesNotContain("9990000018", "LS1 4AP");
    }
}
