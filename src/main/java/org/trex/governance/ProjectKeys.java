package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.KEY_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.KEY_FIRST_USED;
import static org.trex.governance.GovernanceTables.KEY_ID;
import static org.trex.governance.GovernanceTables.KEY_NAME;
import static org.trex.governance.GovernanceTables.KEY_OWNER;
import static org.trex.governance.GovernanceTables.KEY_PROJECT;
import static org.trex.governance.GovernanceTables.KEY_RUN_ID;
import static org.trex.governance.GovernanceTables.OWNER_KEY_ID;
import static org.trex.governance.GovernanceTables.OWNER_PROJECT;
import static org.trex.governance.GovernanceTables.PROJECT_KEY;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.trex.source.DatabaseUrl;

/**
 * Which key each project's pseudonyms are made under ({@code project_key}, V71): a project's key, by the name its
 * policy gives it, is bound to the key ID of its first published run, with a {@code KEY_BIND} audit entry, and every
 * later run of the project under that name must bring a key with that ID. A key ID is one project's only (its owner
 * in {@code key_owner}, V74): another project's pseudonyms under it would link to this one's. Key IDs only, never a
 * key.
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
     * Refuses, before a run starts, a key with another ID than the one its project's key name is bound to (the
     * project's pseudonyms would no longer link to its earlier releases'), or one bound to another project. Binds
     * nothing: only a run that publishes binds its key ({@link #bind}).
     */
    public void check(String project, String keyName, String keyId, String extractId) {
        requireKey(project, keyName, keyId);
        GovernanceDatabase.transaction(url, "check the key of project " + project, dsl -> {
            refuseAnotherKey(dsl, project, keyName, keyId, extractId);
            return null;
        });
    }

    /**
     * Binds the project's key name to this key ID, in {@code dsl}'s transaction (the one that publishes the run's
     * release), when it is not bound yet, with a {@code KEY_BIND} audit entry; refuses as {@link #check} does, as
     * another run may have bound a key since this one's check.
     */
    void bind(DSLContext dsl, String project, String keyName, String keyId, String extractId, String runId,
            String actor) {
        requireNonNull(dsl, "dsl is null");
        requireKey(project, keyName, keyId);
        if (refuseAnotherKey(dsl, project, keyName, keyId, extractId)) {
            return;
        }
        // Binds wait for each other here, so two first runs cannot both take one key ID, nor one key name two IDs.
        dsl.query("LOCK TABLE {0} IN SHARE ROW EXCLUSIVE MODE", PROJECT_KEY).execute();
        if (refuseAnotherKey(dsl, project, keyName, keyId, extractId)) {
            return;
        }
        // The database's own refusal of a second project (V74), behind this class's, which names the owner.
        dsl.insertInto(KEY_OWNER).set(OWNER_KEY_ID, keyId).set(OWNER_PROJECT, project).onConflictDoNothing().execute();
        dsl.insertInto(PROJECT_KEY)
                .set(KEY_PROJECT, project)
                .set(KEY_NAME, keyName)
                .set(KEY_ID, keyId)
                .set(KEY_EXTRACT_ID, extractId)
                .set(KEY_RUN_ID, runId)
                .set(KEY_FIRST_USED, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .execute();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("project", project);
        details.put("key_name", keyName);
        details.put("key_id", keyId);
        audit.append(dsl, actor, AuditAction.KEY_BIND, Optional.of(extractId), Optional.of(runId), details);
    }

    private static void requireKey(String project, String keyName, String keyId) {
        Texts.requireText(project, "project");
        Texts.requireText(keyName, "key name");
        Texts.requireText(keyId, "key ID");
    }

    /**
     * Throws when the key name is bound to another key ID, or the key ID is the key of another project (the project
     * that first bound it); returns whether the key name is already bound to this key ID.
     */
    private static boolean refuseAnotherKey(DSLContext dsl, String project, String keyName, String keyId,
            String extractId) {
        String doing = "run extract " + extractId;
        var bound = dsl.select(KEY_ID, KEY_RUN_ID, KEY_FIRST_USED).from(PROJECT_KEY)
                .where(KEY_PROJECT.eq(project).and(KEY_NAME.eq(keyName))).fetchOptional();
        bound.filter(first -> !first.get(KEY_ID).equals(keyId)).ifPresent(first -> {
            throw new IllegalArgumentException("Cannot " + doing + ": the key file has key ID " + keyId
                    + ", but project " + project + "'s key " + keyName + " is " + first.get(KEY_ID)
                    + " (first used by run " + first.get(KEY_RUN_ID) + " on "
                    + first.get(KEY_FIRST_USED).toLocalDate() + "), so its pseudonyms would not link; use that"
                    + " key, or rotate it under a new key name in the policy");
        });
        // Ordered by project too, so that two bindings made in one microsecond (before the refusal existed) still
        // name one owner.
        dsl.select(KEY_PROJECT).from(PROJECT_KEY).where(KEY_ID.eq(keyId))
                .orderBy(KEY_FIRST_USED, KEY_PROJECT).limit(1).fetchOptional(KEY_PROJECT)
                .filter(owner -> !owner.equals(project)).ifPresent(owner -> {
                    throw new IllegalArgumentException("Cannot " + doing + ": key " + keyId + " is already the key of"
                            + " project " + owner + "; each project needs its own key, or its pseudonyms would link"
                            + " to project " + owner + "'s");
                });
        return bound.isPresent();
    }
}
