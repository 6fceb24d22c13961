package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * {@code trex objections status} judges a notice overdue on today's date: on a host whose clock was set back an
 * overdue notice would show as open and exit 0 to the scheduler's alert. It is refused instead, exiting non-zero.
 */
class NoticeStatusOnAHostBehindTheDatabaseIsRefusedTest {
    @Test
    void aHostAWeekBehindIsRefused() {
        DatabaseUrl url = TestDatabase.fresh();

        Result status = Workspace.trexOnHost(Clock.offset(Clock.systemDefaultZone(), Duration.ofDays(-7)),
                "objections", "status", "--database-url", url.jdbcUrl());

        assertThat(status.code()).as(status.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(status.err()).startsWith("trex: Cannot list the deletion notices: this host's clock is 7 d behind"
                + " the database's (host ").endsWith("); fix the host's time (NTP) and run again\n");
        assertThat(status.out()).isEmpty();
    }
}
