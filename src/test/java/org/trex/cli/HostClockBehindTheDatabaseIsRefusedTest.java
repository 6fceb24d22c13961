package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.ApprovalStatement;
import org.trex.governance.ApprovalSubject;
import org.trex.governance.Approvals;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.plan.Planner;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * A host whose clock was set back (a restored snapshot, a broken NTP) does not run an approval that expired by the
 * database's date: its run is refused for its clock, and the refusal is audited at the database's time.
 */
class HostClockBehindTheDatabaseIsRefusedTest {
    @TempDir
    Path root;

    DatabaseUrl url;
    Workspace workspace;
    LocalDate today;

    @BeforeEach
    void approvalThatExpiredYesterday() {
        // The refusal comes before any source row is read, so an empty database is enough.
        url = TestDatabase.fresh();
        workspace = Workspace.create(root, url);
        GovernanceSchema.migrate(url);
        today = LocalDate.ofInstant(databaseNow(), ZoneOffset.UTC);
        // Signed ten days ago, when an expiry of yesterday was still to come.
        Clock signedOn = Clock.fixed(databaseNow().minus(Duration.ofDays(10)), ZoneOffset.UTC);
        ApprovalSubject subject = ApprovalSubject.of(new Planner(SourceCatalog.standard(), signedOn)
                .plan(Specs.load(workspace.spec), workspace.board.register(), Workspace.AS_OF));
        ApprovalStatement statement = ApprovalStatement.of(subject, "IGB-2026-010", Optional.of(today.minusDays(1)),
                Optional.empty());
        Approvals approvals = new Approvals(url, signedOn);
        for (String member : new String[] {TestingBoard.CHAIR, TestingBoard.GUARDIAN}) {
            approvals.sign(statement, workspace.board.sign(member, statement.bytes()), workspace.board.register());
        }
    }

    @Test
    void aHostThreeDaysBehindIsRefusedForItsClock() {
        Result run = workspace.runOnHost(Clock.offset(Clock.systemDefaultZone(), Duration.ofDays(-3)));

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).startsWith("trex: Cannot run extract discharge-delays: this host's clock is 3 d behind"
                + " the database's (host " + today.minusDays(3) + "T")
                .contains(", database " + today + "T")
                .endsWith("); fix the host's time (NTP) and run again\n");
        assertThat(Workspace.files(workspace.out)).as("files under --out").isEmpty();
        AuditLog audit = new AuditLog(url);
        assertThat(audit.list(AuditAction.RUN_START)).isEmpty();
        AuditEntry refused = audit.list(AuditAction.RUN_REFUSED).get(0);
        assertThat(refused.details()).contains("this host's clock is 3 d behind the database's");
        assertThat(Duration.between(refused.at(), databaseNow()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aHostOnTheDatabasesTimeFindsTheApprovalExpired() {
        Result run = workspace.runOnHost(Clock.systemDefaultZone());

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(run.err()).contains("trex: Cannot run extract discharge-delays: approval IGB-2026-010 expired on "
                + today.minusDays(1));
    }

    private Instant databaseNow() {
        return Instant.ofEpochMilli(Long.parseLong(Sql.strings(url,
                "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint::text").get(0)));
    }
}
