package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.trex.governance.GovernanceTables.RUN_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.RUN_FAILURE;
import static org.trex.governance.GovernanceTables.RUN_PERIOD_KEY;
import static org.trex.governance.GovernanceTables.RUN_RUN_ID;
import static org.trex.governance.GovernanceTables.RUN_SCHEDULER_RUN_ID;
import static org.trex.governance.GovernanceTables.RUN_STARTED_AT;
import static org.trex.governance.GovernanceTables.RUN_STATUS;
import static org.trex.governance.GovernanceTables.SCHEDULED_RUN;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A period a {@code run --due} pass left STARTED when its process died (its session, and so its period lock, gone) is
 * marked FAILED by the next pass, which runs the period again; a period a live pass still holds is left STARTED.
 */
class PeriodLeftStartedByADeadPassIsMarkedFailedTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 4);

    @Test
    void onlyThePeriodWhoseSessionEndedIsMarkedFailed() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        ScheduledExtract dead = new ScheduledExtract("dead-extract", new CronSchedule("0 6 1 * *"));
        ScheduledExtract live = new ScheduledExtract("live-extract", new CronSchedule("0 6 1 * *"));
        List<DueRun> due = new Schedules(url).dueRuns(List.of(dead, live), AS_OF);
        // A real session that ends without an end, as a JVM killed with kill -9 ends its connections.
        try (Connection killed = url.connect()) {
            start(GovernanceDatabase.using(killed), due.get(0), "run-dead");
        }
        try (Connection running = url.connect()) {
            start(GovernanceDatabase.using(running), due.get(1), "run-live");

            DueRunSummary next = new DueRunner(url).runDue(List.of(dead, live), AS_OF, "scheduler-next",
                    (extract, date, runId) -> RunResult.succeeded("written"));

            assertThat(next.runs()).extracting(DueRunReport::extractId, DueRunReport::status).containsExactly(
                    tuple("dead-extract", DueRunReport.Status.SUCCEEDED),
                    tuple("live-extract", DueRunReport.Status.RUNNING_ELSEWHERE));
            Record2<String, String> marked = status(url, "run-dead");
            assertThat(marked.value1()).isEqualTo(ScheduledRunStatus.FAILED.name());
            assertThat(marked.value2()).isEqualTo("Cannot complete the run: its process ended before it recorded an "
                    + "end (killed, its host stopped, or the governance database unreachable; the run's audit entries "
                    + "say which); found by scheduler run scheduler-next");
            assertThat(status(url, "run-live").value1()).as("a live pass's period")
                    .isEqualTo(ScheduledRunStatus.STARTED.name());
        }
    }

    /** What a pass does as it launches a period: the period's lock on its session, then the STARTED row. */
    private static void start(DSLContext dsl, DueRun run, String runId) {
        dsl.fetch("SELECT pg_advisory_lock(?)", DueRunner.lockKey(run.extract().extractId(), run.period().key()));
        dsl.insertInto(SCHEDULED_RUN)
                .set(RUN_EXTRACT_ID, run.extract().extractId())
                .set(RUN_PERIOD_KEY, run.period().key())
                .set(RUN_RUN_ID, runId)
                .set(RUN_SCHEDULER_RUN_ID, "scheduler-before")
                .set(RUN_STATUS, ScheduledRunStatus.STARTED.name())
                .set(RUN_STARTED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    private static Record2<String, String> status(DatabaseUrl url, String runId) {
        return GovernanceDatabase.transaction(url, "read a scheduled run", dsl -> dsl.select(RUN_STATUS, RUN_FAILURE)
                .from(SCHEDULED_RUN).where(RUN_RUN_ID.eq(runId)).fetchSingle());
    }
}
