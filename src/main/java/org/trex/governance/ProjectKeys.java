package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.KEY_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.KEY_FIRST_USED;
import static org.trex.governance.GovernanceTables.KEY_ID;
import static org.trex.governance.GovernanceTables.KEY_NAME;
import static org.trex.governance.GovernanceTables.KEY_PROJECT;
import static org.trex.governance.GovernanceTables.KEY_RUN_ID;
import static org.trex.governance.GovernanceTables.PROJECT_KEY;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.Record;
import org.trex.source.DatabaseUrl;

/**
 * Which key each project's pseudonyms are made under ({@code project_key}, V71): a project's key, by the name its
 * policy gives it, is bound to the key ID of the first run that uses it, with a {@code KEY_BIND} audit entry, and
 * every later run of the project under that name must bring a key with that ID. Key IDs only, never a key.
 */
public final class ProjectKeys {
    private final DatabaseUrl url;
    private final Clock clock;
    private final AuditLog audit;

    public ProjectKeys(DatabaseUrl url, Clock clock) {
        this.url = requireNonNull(url, "url is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.audit = new AuditLog(url, clock);
    }

    /**
     * Binds the project's key name to this key ID at its first run, or refuses a key with another ID than the one
     * bound: the project's pseudonyms would no longer link to its earlier releases'.
     */
    public void require(String project, String keyName, String keyId, String extractId, String runId, String actor) {
        Texts.requireText(project, "project");
        Texts.requireText(keyName, "key name");
        Texts.requireText(keyId, "key ID");
        String doing = "run extract " + extractId;
        GovernanceDatabase.transaction(url, "check the key of project " + project, dsl -> {
            int bound = dsl.insertInto(PROJECT_KEY)
                    .set(KEY_PROJECT, project)
                    .set(KEY_NAME, keyName)
                    .set(KEY_ID, keyId)
                    .set(KEY_EXTRACT_ID, extractId)
                    .set(KEY_RUN_ID, runId)
                    .set(KEY_FIRST_USED, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                    .onConflictDoNothing()
                    .execute();
            if (bound == 1) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("project", project);
                details.put("key_name", keyName);
                details.put("key_id", keyId);
                audit.append(dsl, actor, AuditAction.KEY_BIND, Optional.of(extractId), Optional.of(runId), details);
                return null;
            }
            Record first = dsl.select(KEY_ID, KEY_RUN_ID, KEY_FIRST_USED).from(PROJECT_KEY)
                    .where(KEY_PROJECT.eq(project).and(KEY_NAME.eq(keyName))).fetchSingle();
            if (!first.get(KEY_ID).equals(keyId)) {
                throw new IllegalArgumentException("Cannot " + doing + ": the key file has key ID " + keyId
                        + ", but project " + project + "'s key " + keyName + " is " + first.get(KEY_ID)
                        + " (first used by run " + first.get(KEY_RUN_ID) + " on "
                        + first.get(KEY_FIRST_USED).toLocalDate() + "), so its pseudonyms would not link; use that"
                        + " key, or rotate it under a new key name in the policy");
            }
            return null;
        });
    }
}
