package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;
import org.trex.source.TableStatistics;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * {@code trex plan} warns of a source table PostgreSQL has never analysed (it would plan the run's joins on
 * guesses), and says nothing once the table is analysed, even after the server forgot when (a crash recovery or
 * {@code pg_stat_reset()} forgets the time of the last analysis and keeps the statistics).
 */
class NeverAnalysedSourceTableIsWarnedTest {
    static final String WARNING = "WARNING: source table health.inpatient_spell has never been analysed: PostgreSQL "
            + "may plan the run's joins badly; run ANALYZE health.inpatient_spell (trex load and trex generate do)";

    @TempDir
    Path root;

    @Test
    void aPlanWarnsOfATableNeverAnalysed() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.unanalysed(url)) {
            fixture.spell("9434765919", LocalDate.of(2025, 1, 5), LocalDate.of(2025, 1, 15), null);
            fixture.allowList(LocalDate.of(2025, 6, 5), 1, List.of("9434765919"));
        }
        assertThat(TableStatistics.neverAnalysed(url, List.of("health.inpatient_spell", "social_care.event")))
                .containsExactly("health.inpatient_spell", "social_care.event");
        assertThat(plan(url, "never").out()).contains(WARNING);
    }

    @Test
    void aPlanDoesNotWarnOfATableAnalysedEvenWhenTheServerForgotWhen() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            fixture.spell("9434765919", LocalDate.of(2025, 1, 5), LocalDate.of(2025, 1, 15), null);
            fixture.allowList(LocalDate.of(2025, 6, 5), 1, List.of("9434765919"));
        }
        assertThat(plan(url, "analysed").out()).doesNotContain("never been analysed");

        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_reset()");
        }
        assertThat(TableStatistics.neverAnalysed(url, List.of("health.inpatient_spell"))).isEmpty();
        assertThat(plan(url, "forgotten").out()).doesNotContain("never been analysed");
    }

    private Result plan(DatabaseUrl url, String name) throws Exception {
        Workspace workspace = Workspace.create(root.resolve(name), url);
        Result result = Workspace.trex("plan", workspace.spec.toString(), "--as-of", "2025-07-01",
                "--database-url", url.jdbcUrl(), "--governance-url", url.jdbcUrl());
        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        return result;
    }
}
