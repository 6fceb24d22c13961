package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

class DuePeriodsTest {
    private static final ScheduledExtract MONTHLY =
            new ScheduledExtract("discharge-delays", new CronSchedule("0 6 1 * *"));
    private static final LocalDate JUNE = LocalDate.of(2025, 6, 10);

    private static DatabaseUrl migrated() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        return url;
    }

    @Test
    void aPeriodThatSucceededIsNotDueAgainUntilTheNextPeriod() {
        DatabaseUrl url = migrated();
        AtomicInteger launches = new AtomicInteger();
        ExtractLauncher launcher = (extract, asOf, runId) -> {
            launches.incrementAndGet();
            return RunResult.succeeded("3 outputs written");
        };

        DueRunSummary first = new DueRunner(url).runDue(List.of(MONTHLY), JUNE, "scheduler-1", launcher);
        DueRunSummary second = new DueRunner(url).runDue(List.of(MONTHLY), JUNE.plusDays(5), "scheduler-2", launcher);

        assertThat(first.outcome()).isEqualTo(DueOutcome.ALL_RAN);
        assertThat(first.runs()).singleElement().satisfies(run -> {
            assertThat(run.periodKey()).isEqualTo("2025-06-01T06:00");
            assertThat(run.status()).isEqualTo(DueRunReport.Status.SUCCEEDED);
        });
        assertThat(second.outcome()).isEqualTo(DueOutcome.NOTHING_DUE);
        assertThat(second.outcome().exitCode()).isEqualTo(4);
        assertThat(second.runs()).isEmpty();
        assertThat(launches).hasValue(1);
        assertThat(new Schedules(url).dueRuns(List.of(MONTHLY), LocalDate.of(2025, 7, 1)))
                .extracting(due -> due.period().key())
                .containsExactly("2025-07-01T06:00");
    }

    @Test
    void aPeriodThatFailedIsDueAgainAndRunsWhenRetried() {
        DatabaseUrl url = migrated();

        DueRunSummary failed = new DueRunner(url).runDue(List.of(MONTHLY), JUNE, "scheduler-1",
                (extract, asOf, runId) -> {
                    throw new IllegalStateException("Cannot read source table health.inpatient_spell: timeout");
                });

        assertThat(failed.outcome()).isEqualTo(DueOutcome.SOME_FAILED);
        assertThat(failed.outcome().exitCode()).isEqualTo(5);
        assertThat(failed.runs()).singleElement().satisfies(run -> assertThat(run.message())
                .startsWith("Cannot run extract discharge-delays for period 2025-06-01T06:00 (run ")
                .endsWith("): Cannot read source table health.inpatient_spell: timeout"));
        assertThat(new Schedules(url).dueRuns(List.of(MONTHLY), JUNE)).hasSize(1);

        DueRunSummary retried = new DueRunner(url).runDue(List.of(MONTHLY), JUNE, "scheduler-2",
                (extract, asOf, runId) -> RunResult.succeeded("3 outputs written"));

        assertThat(retried.outcome()).isEqualTo(DueOutcome.ALL_RAN);
        assertThat(new Schedules(url).dueRuns(List.of(MONTHLY), JUNE)).isEmpty();
    }
}
