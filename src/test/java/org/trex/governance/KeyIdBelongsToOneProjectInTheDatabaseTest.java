package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A key ID is one project's only, and the governance database itself refuses a binding of it to a second project
 * (V74), whatever writes it: TREx's own refusal, under a lock, names the owner, and this one stands behind it.
 */
class KeyIdBelongsToOneProjectInTheDatabaseTest {
    private static final String KEY_ID = "0123456789abcdef";
    private static final String BINDING = "INSERT INTO trex_governance.project_key"
            + " (project, key_name, key_id, extract_id, run_id, first_used) VALUES ";

    @Test
    void aBindingOfABoundKeyIdToAnotherProjectIsRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        GovernanceDatabase.transaction(url, "bind a key", dsl -> {
            new ProjectKeys(url, Clock.systemUTC()).bind(dsl, "discharge-evaluation", "key-2025", KEY_ID,
                    "discharge-delays", "run-1", "tester");
            return null;
        });

        assertThat(Sql.strings(url, "SELECT key_id || ' ' || project FROM trex_governance.key_owner"))
                .containsExactly(KEY_ID + " discharge-evaluation");
        assertThatThrownBy(() -> Sql.execute(url, BINDING
                + "('reablement-evaluation', 'key-2025', '" + KEY_ID + "', 'reablement', 'run-2', now())"))
                .hasMessageContaining("violates foreign key constraint \"project_key_of_its_owner\"");
        assertThatThrownBy(() -> Sql.execute(url, "UPDATE trex_governance.key_owner SET project = 'reablement'"))
                .hasMessageContaining("Cannot update trex_governance.key_owner: a project's key, once used, stays"
                        + " bound");
        assertThatThrownBy(() -> Sql.execute(url, "DELETE FROM trex_governance.project_key"))
                .hasMessageContaining("Cannot delete trex_governance.project_key: a project's key, once used, stays"
                        + " bound");
        // The same project binds its key ID under a second name: rotation by name, with the key unchanged.
        Sql.execute(url, BINDING + "('discharge-evaluation', 'key-2026', '" + KEY_ID + "', 'd', 'run-3', now())");
        assertThat(Sql.count(url, "SELECT count(*) FROM trex_governance.project_key")).isEqualTo(2);
    }

    @Test
    void theUpgradeMakesTheFirstProjectToBindAKeyIdItsOwner() {
        DatabaseUrl url = TestDatabase.fresh();
        TestDatabase.governanceAt(url, "73");
        // Bound before TREx refused a second project: both stay as recorded.
        Sql.execute(url, BINDING + "('reablement-evaluation', 'k', '" + KEY_ID + "', 'r', 'run-2',"
                + " TIMESTAMPTZ '2026-03-01 10:00:00+00')");
        Sql.execute(url, BINDING + "('discharge-evaluation', 'k', '" + KEY_ID + "', 'd', 'run-1',"
                + " TIMESTAMPTZ '2026-02-01 10:00:00+00')");

        GovernanceSchema.migrate(url);

        assertThat(Sql.strings(url, "SELECT key_id || ' ' || project FROM trex_governance.key_owner"))
                .containsExactly(KEY_ID + " discharge-evaluation");
        assertThat(Sql.count(url, "SELECT count(*) FROM trex_governance.project_key")).isEqualTo(2);
        assertThatThrownBy(() -> Sql.execute(url, BINDING
                + "('reablement-evaluation', 'k2', '" + KEY_ID + "', 'r', 'run-4', now())"))
                .hasMessageContaining("violates foreign key constraint \"project_key_of_its_owner\"");
    }
}
