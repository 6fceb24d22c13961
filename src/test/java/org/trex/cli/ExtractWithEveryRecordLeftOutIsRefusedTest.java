package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.SourceFixture;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A run whose checks leave out every record it read publishes nothing: an extract with no rows is a sign something
 * upstream is wrong (here an allow list that lists no one), as a stale list is. It exits non-zero, names what each
 * check left out, registers no release and ends failed in the audit log.
 */
class ExtractWithEveryRecordLeftOutIsRefusedTest {
    @TempDir
    Path root;

    @Test
    void anAllowListThatListsNoOneRefusesTheRun() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        List<String> numbers = List.of("9990000018", "9990000026", "9990000034");
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (String number : numbers) {
                fixture.spell(number, LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 15), LocalDate.of(2024, 6, 12));
            }
            fixture.nationalList(Workspace.AS_OF.minusDays(29), numbers.toArray(String[]::new));
        }
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-EMPTY").code()).isEqualTo(ExitCode.OK);
        String runId = UUID.randomUUID().toString();

        Result refused = workspace.run("--run-id", runId);

        // Three spells, read once and counted by each of the three outputs on them.
        String message = "Cannot publish extract discharge-delays: every record was left out (9 rows read by its "
                + "outputs; left out: national_data_opt_out_or_unchecked 9 rows, 3 people)";
        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(refused.err()).isEqualTo("trex: " + message + System.lineSeparator());
        assertThat(workspace.published()).isEmpty();
        assertThat(Sql.strings(url, "SELECT run_id FROM trex_governance.release")).isEmpty();
        List<AuditEntry> ends = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.RUN_END && e.runId().equals(Optional.of(runId))).toList();
        assertThat(ends).singleElement().satisfies(e -> assertThat(e.details())
                .contains("\"outcome\":\"failed\"", message));
    }
}
