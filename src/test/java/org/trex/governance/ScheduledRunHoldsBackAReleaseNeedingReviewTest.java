package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * Aggregates cannot be recalled, so after a deletion notice that named some, the extract's next release is for a
 * person to review: a scheduled run does not launch it, records the period as failed (so the scheduler alerts and
 * it stays due), and says why; once a release has been published by hand, scheduled runs launch again.
 */
class ScheduledRunHoldsBackAReleaseNeedingReviewTest {
    private static final String EXTRACT = TestingReleases.EXTRACT;
    private static final ScheduledExtract MONTHLY = new ScheduledExtract(EXTRACT, new CronSchedule("0 6 1 * *"));
    private static final LocalDate JUNE = LocalDate.of(2025, 6, 10);
    private static final Instant RELEASED = Instant.parse("2025-05-02T10:00:00Z");
    private static final String OBJECTOR = "a".repeat(64);

    @TempDir
    Path root;

    @Test
    void aScheduledRunIsHeldUntilTheReleaseIsPublishedByHand() throws IOException {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        Path people = Files.writeString(root.resolve("people.tsv"), OBJECTOR + "\t2\n");
        ReleaseRegister.Registered earlier = release(url, "run-1", RELEASED, people);
        new DeletionNotices(url, Clock.fixed(RELEASED.plusSeconds(3600), ZoneOffset.UTC))
                .issue(earlier, JUNE.minusDays(20), Map.of(OBJECTOR, "local-objection"), "tester");
        AtomicInteger launches = new AtomicInteger();
        ExtractLauncher launcher = (extract, asOf, runId) -> {
            launches.incrementAndGet();
            return RunResult.succeeded("4 outputs written");
        };

        DueRunSummary held = new DueRunner(url).runDue(List.of(MONTHLY), JUNE, "scheduler-1", launcher);

        assertThat(launches).hasValue(0);
        assertThat(held.outcome()).isEqualTo(DueOutcome.SOME_FAILED);
        assertThat(held.runs()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(DueRunReport.Status.FAILED);
            assertThat(run.message())
                    .startsWith("Cannot run extract discharge-delays for period 2025-06-01T06:00 (run ")
                    .endsWith("): a scheduled run does not publish a release that needs a differencing review: notice"
                            + " DN-000001 named aggregate outputs delays_by_band released in run run-1; review it"
                            + " against the notice, then run the spec by hand (trex run SPEC)");
        });
        assertThat(new Schedules(url).dueRuns(List.of(MONTHLY), JUNE)).hasSize(1);

        release(url, "run-by-hand", RELEASED.plusSeconds(7200), people);
        DueRunSummary after = new DueRunner(url).runDue(List.of(MONTHLY), JUNE, "scheduler-2", launcher);

        assertThat(launches).hasValue(1);
        assertThat(after.outcome()).isEqualTo(DueOutcome.ALL_RAN);
    }

    private ReleaseRegister.Registered release(DatabaseUrl url, String runId, Instant at, Path people) {
        ReleaseRegister register = new ReleaseRegister(url, Clock.fixed(at, ZoneOffset.UTC));
        register.record(TestingReleases.of(runId, LocalDate.of(2025, 4, 30), root, people));
        return register.release(runId).orElseThrow();
    }
}
