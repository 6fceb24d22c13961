package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * A board member signing on a host whose clock was set back would have an expiry judged, and the signature recorded,
 * by the wrong day: {@code trex approve} is refused for the host's clock, and records nothing.
 */
class SignatureFromAHostFarFromTheDatabaseIsRefusedTest {
    @TempDir
    Path root;

    @Test
    void anApprovalSignedOnAHostThreeHoursBehindIsNotRecorded() {
        Workspace workspace = Workspace.create(root, TestDatabase.fresh());

        Result approve = Workspace.trexOnHost(Clock.offset(Clock.systemDefaultZone(), Duration.ofHours(-3)),
                "approve", workspace.spec.toString(), "--reference", "IGB-2026-020", "--sign-with",
                workspace.board.keyFile(TestingBoard.CHAIR).toString(), "--database-url", workspace.url.jdbcUrl());

        assertThat(approve.code()).as(approve.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(approve.err()).startsWith("trex: Cannot approve extract discharge-delays: this host's clock is 3 h"
                + " behind the database's (host ").endsWith("); fix the host's time (NTP) and run again\n");
        assertThat(Sql.count(workspace.url, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'trex_governance'")).as("governance tables").isZero();
    }
}
