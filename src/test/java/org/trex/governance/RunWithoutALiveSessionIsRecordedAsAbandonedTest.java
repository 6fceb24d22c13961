package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A started run whose session has ended (its process killed) with no RUN_END is recorded once as RUN_ABANDONED; a run
 * whose session still holds its lock (a live run, in this process or another) is never, nor one that ended.
 */
class RunWithoutALiveSessionIsRecordedAsAbandonedTest {
    @Test
    void onlyTheRunWhoseSessionEndedWithoutAnEndIsAbandoned() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        LiveRuns runs = new LiveRuns(url, Clock.systemUTC());
        AuditLog audit = new AuditLog(url);
        RunLock live = runs.hold("live-extract", "run-live");
        audit.append("tester", AuditAction.RUN_START, Optional.of("live-extract"), Optional.of("run-live"), Map.of());
        RunLock dead = runs.hold("dead-extract", "run-dead");
        AuditEntry deadStart = audit.append("tester", AuditAction.RUN_START, Optional.of("dead-extract"),
                Optional.of("run-dead"), Map.of());
        // A real session that ends without RUN_END, as a JVM killed with kill -9 ends its connections.
        dead.close();

        assertThatThrownBy(() -> runs.hold("live-extract", "run-live"))
                .hasMessage("Cannot run extract live-extract: run ID run-live was already used: a live run holds it;"
                        + " give another --run-id");
        assertThat(runs.closeAbandoned("reconciler", run -> Optional.empty()).recorded()).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.RUN_ABANDONED);
                    assertThat(e.runId()).contains("run-dead");
                    assertThat(e.extractId()).contains("dead-extract");
                    assertThat(e.details()).contains("\"runStartSeq\":" + deadStart.seq(),
                            "\"outcome\":\"abandoned\"", "no release was recorded");
                });
        assertThat(runs.closeAbandoned("reconciler", run -> Optional.empty()).recorded())
                .as("an abandoned run is recorded once").isEmpty();

        audit.append("tester", AuditAction.RUN_END, Optional.of("live-extract"), Optional.of("run-live"), Map.of());
        live.close();

        assertThat(runs.closeAbandoned("reconciler", run -> Optional.empty()).recorded())
                .as("a run that ended").isEmpty();
        assertThat(audit.list(AuditAction.RUN_ABANDONED)).extracting(AuditEntry::runId)
                .containsExactly(Optional.of("run-dead"));
    }
}
