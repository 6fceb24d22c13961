package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.disclosure.ReleaseHistory;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * Two first runs may both pass their preflight before either binds a key; the second to publish finds the binding
 * the first made and is refused in its publishing transaction, so it neither publishes nor records anything.
 */
class PublishingRefusesAKeyBoundSinceThePreflightTest {
    private static final String KEY_NAME = "discharge-evaluation-2025";
    private static final String KEY_ID = "0123456789abcdef";

    @TempDir
    Path root;

    DatabaseUrl url;
    Path people;
    ProjectKeys keys;

    @BeforeEach
    void firstRunPublished() throws IOException {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        people = Files.write(root.resolve("spells.people"), List.of(String.format("%064x", 7) + "\t2"));
        keys = new ProjectKeys(url, Clock.systemUTC());
        keys.check("discharge-evaluation", KEY_NAME, KEY_ID, TestingReleases.EXTRACT);
        publish(TestingReleases.of("run-1", LocalDate.of(2026, 6, 30), root, people), () -> { });
    }

    private void publish(Release release, Runnable publishing) {
        new ReleaseRegister(url, Clock.systemUTC()).recordPublished(release, KEY_NAME, List.of(), ReleaseHistory.NONE,
                "tester", Map.of("outcome", "succeeded"), publishing);
    }

    private Release release(String project, String keyId) {
        Release like = TestingReleases.of("run-2", LocalDate.of(2026, 6, 30), root, people);
        return new Release(like.extractId(), like.runId(), like.specVersion(), project, keyId, like.keyFile(),
                like.asOf(), like.nationalDataOptOut(), like.deletionDays(), like.extractPath(), like.outputs());
    }

    private void assertRefusedUnrecorded(Release release, String message) {
        AtomicBoolean published = new AtomicBoolean();

        assertThatThrownBy(() -> publish(release, () -> published.set(true))).hasMessageStartingWith(message);

        assertThat(published).as("published").isFalse();
        assertThat(Sql.strings(url, "SELECT run_id FROM trex_governance.release")).containsExactly("run-1");
        assertThat(Sql.strings(url, "SELECT project || ' ' || key_id || ' ' || run_id"
                + " FROM trex_governance.project_key")).containsExactly("discharge-evaluation " + KEY_ID + " run-1");
        assertThat(Sql.strings(url, "SELECT action || ' ' || run_id FROM trex_governance.audit_log ORDER BY seq"))
                .containsExactly("KEY_BIND run-1", "RUN_END run-1");
    }

    @Test
    void anotherKeyIdOfTheSameProjectIsRefused() {
        assertRefusedUnrecorded(release("discharge-evaluation", "fedcba9876543210"), "Cannot run extract"
                + " discharge-delays: the key file has key ID fedcba9876543210, but project discharge-evaluation's"
                + " key discharge-evaluation-2025 is " + KEY_ID + " (first used by run run-1 on ");
    }

    @Test
    void theSameKeyIdForAnotherProjectIsRefused() {
        assertRefusedUnrecorded(release("reablement-evaluation", KEY_ID), "Cannot run extract discharge-delays: key "
                + KEY_ID + " is already the key of project discharge-evaluation; each project needs its own key");
    }
}
