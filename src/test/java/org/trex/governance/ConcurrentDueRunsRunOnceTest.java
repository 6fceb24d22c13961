package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

class ConcurrentDueRunsRunOnceTest {
    @Test
    void twoSchedulersStartedTogetherRunEachDueExtractExactlyOnce() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        List<ScheduledExtract> extracts = List.of(
                new ScheduledExtract("discharge-delays", new CronSchedule("0 6 1 * *")),
                new ScheduledExtract("care-packages", new CronSchedule("30 7 * * 1")),
                new ScheduledExtract("reablement", new CronSchedule("0 2 * * *")));
        LocalDate asOf = LocalDate.of(2025, 6, 4);
        Map<String, AtomicInteger> launches = new ConcurrentHashMap<>();
        ExtractLauncher slowLauncher = (extract, date, runId) -> {
            launches.computeIfAbsent(extract.extractId(), id -> new AtomicInteger()).incrementAndGet();
            sleep(300);
            return RunResult.succeeded("written");
        };
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DueRunSummary>> summaries = Stream.of("scheduler-a", "scheduler-b")
                    .map(schedulerRunId -> pool.submit(() -> {
                        start.await();
                        return new DueRunner(url).runDue(extracts, asOf, schedulerRunId, slowLauncher);
                    }))
                    .toList();
            start.countDown();

            DueRunSummary a = summaries.get(0).get(60, TimeUnit.SECONDS);
            DueRunSummary b = summaries.get(1).get(60, TimeUnit.SECONDS);

            assertThat(launches).containsOnlyKeys("discharge-delays", "care-packages", "reablement");
            assertThat(launches.values()).allSatisfy(count -> assertThat(count).hasValue(1));
            assertThat(Stream.concat(a.runs().stream(), b.runs().stream())
                    .filter(run -> run.status() == DueRunReport.Status.SUCCEEDED))
                    .extracting(DueRunReport::extractId)
                    .containsExactlyInAnyOrder("discharge-delays", "care-packages", "reablement");
            assertThat(new Schedules(url).dueRuns(extracts, asOf)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Cannot finish the fake run: interrupted", e);
        }
    }
}
