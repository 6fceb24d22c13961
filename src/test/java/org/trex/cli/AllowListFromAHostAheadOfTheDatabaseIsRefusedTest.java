package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A host whose clock runs days ahead would take an allow list dated after the database's today, which runs would
 * then count as current until long after it went stale: {@code trex optouts load} is refused for the host's clock,
 * and no list is loaded.
 */
class AllowListFromAHostAheadOfTheDatabaseIsRefusedTest {
    @TempDir
    Path root;

    @Test
    void aListDatedTomorrowFromAHostTwoDaysAheadIsNotLoaded() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SourceSchema.migrate(url);
        Path response = root.resolve("response.csv");
        Files.writeString(response, "9434765919,\n");
        LocalDate tomorrow = LocalDate.now(ZoneId.systemDefault()).plusDays(1);

        Result load = Workspace.trexOnHost(Clock.offset(Clock.systemDefaultZone(), Duration.ofDays(2)), "optouts",
                "load", response.toString(), "--list-date", tomorrow.toString(), "--database-url", url.jdbcUrl());

        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(load.err()).startsWith("trex: Cannot load the allow list of " + tomorrow + ": this host's clock is"
                + " 2 d ahead of the database's (host ").endsWith("); fix the host's time (NTP) and run again\n");
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.national_data_allow_list")).isZero();
    }
}
