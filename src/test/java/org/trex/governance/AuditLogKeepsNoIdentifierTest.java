package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * The audit log is kept for good and cannot be edited, so what someone typed as a person's NHS number or postcode (a
 * file name, a period, a scheduler's run ID) goes in redacted, wherever it sits in the details; digests, run IDs
 * and dates stay, and the chain over what was stored verifies.
 */
class AuditLogKeepsNoIdentifierTest {
    @Test
    void identifiersAreRedactedAndTheRestKept() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        AuditLog log = new AuditLog(url);
        String digest = "0123456789".repeat(6) + "abcd";
        String runId = "0a7208f1-7eee-38f3-b643-a9990000018b";

        log.append("loader", AuditAction.LOAD_REFUSED, Optional.empty(), Optional.of(runId), Map.of(
                "files", List.of(Map.of("name", "9990000018", "sha256", digest)),
                "period", "2024-04-01/2025-03-31", "schedulerRunId", "run for LE3 1DD",
                "refusal", "Cannot load 999 000 0018: there is no such file", "run", runId));

        String details = log.list(Optional.empty()).get(0).details();
        assertThat(details.replace(runId, "")).as("outside the run ID, whose last group holds those digits")
                .doesNotContain("9990000018", "999 000 0018", "LE3 1DD");
        assertThat(details).contains("\"name\":\"[redacted]\"", "\"schedulerRunId\":\"run for [redacted]\"",
                        "Cannot load [redacted]: there is no such file", digest, runId, "2024-04-01/2025-03-31");
        assertThat(log.verify()).isEmpty();
    }
}
