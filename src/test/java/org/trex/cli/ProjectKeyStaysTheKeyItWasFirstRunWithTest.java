package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A project's pseudonyms link across its releases only while they are made under one key: the first run binds the
 * project's key name to its key file's ID, a later run with another key file is refused before any row is read, and
 * a new key name in the policy (approved with the plan) rotates the key. A key ID in the policy pins the key file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectKeyStaysTheKeyItWasFirstRunWithTest {
    private static final String OTHER_KEY_HEX = "9a7b".repeat(16);
    private static final String KEY_NAME = "name: discharge-evaluation-2025";

    // Static: an instance field is not injected before @BeforeAll.
    @TempDir
    static Path root;

    DatabaseUrl url;
    String firstRunId;
    String keyId;
    String otherKeyId;

    @BeforeAll
    void runOnceWithTheProjectKey() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 7);
        keyId = PseudonymKey.fromHex(Workspace.KEY_HEX, "test").id();
        otherKeyId = PseudonymKey.fromHex(OTHER_KEY_HEX, "test").id();
        Workspace workspace = Workspace.create(root.resolve("first"), url);
        assertThat(workspace.approve("IGB-KEY-1").code()).isEqualTo(ExitCode.OK);

        firstRunId = "3f2c9a1e-7b44-4c1d-9e0a-5d6b7c8e9f01";

        Result run = workspace.run("--run-id", firstRunId);

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        assertThat(Sql.strings(url, "SELECT key_id FROM trex_governance.project_key WHERE project ="
                + " 'discharge-evaluation' AND key_name = 'discharge-evaluation-2025'")).containsExactly(keyId);
    }

    @Test
    void anotherKeyFileUnderTheSameNameIsRefusedBeforeAnyRowIsRead() throws IOException {
        Workspace workspace = Workspace.create(root.resolve("other-key"), url);
        assertThat(workspace.approve("IGB-KEY-2").code()).isEqualTo(ExitCode.OK);

        useKey(workspace, OTHER_KEY_HEX);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("trex: Cannot run extract discharge-delays: the key file has key ID "
                + otherKeyId + ", but project discharge-evaluation's key discharge-evaluation-2025 is " + keyId
                + " (first used by run " + firstRunId + " on ");
        assertThat(run.all()).doesNotContain(OTHER_KEY_HEX, Workspace.KEY_HEX);
        assertThat(Workspace.files(workspace.out)).as("files under --out").isEmpty();
    }

    @Test
    void aNewKeyNameInThePolicyRotatesTheKey() throws IOException {
        Workspace workspace = Workspace.create(root.resolve("rotated"), url,
                policy -> policy.replace(KEY_NAME, "name: discharge-evaluation-2026"));
        assertThat(workspace.approve("IGB-KEY-3").code()).isEqualTo(ExitCode.OK);
        useKey(workspace, OTHER_KEY_HEX);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        useKey(workspace, Workspace.KEY_HEX);
        Result back = workspace.run();
        assertThat(back.code()).as(back.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(back.err()).contains("the key file has key ID " + keyId + ", but project discharge-evaluation's key"
                + " discharge-evaluation-2026 is " + otherKeyId);
    }

    @Test
    void aKeyIdInThePolicyPinsTheKeyFile() {
        Workspace workspace = Workspace.create(root.resolve("pinned"), url,
                policy -> policy.replace(KEY_NAME, KEY_NAME + "\n    id: " + otherKeyId));
        Result plan = Workspace.trex("plan", workspace.spec.toString());
        assertThat(plan.out()).contains("pseudonym key for project discharge-evaluation: discharge-evaluation-2025"
                + " (key ID " + otherKeyId);
        assertThat(workspace.approve("IGB-KEY-4").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("trex: Cannot run extract discharge-delays: the key file has key ID " + keyId
                + ", but policy service-evaluation pins project discharge-evaluation's key discharge-evaluation-2025"
                + " to key ID " + otherKeyId);
        assertThat(Workspace.files(workspace.out)).as("files under --out").isEmpty();
    }

    /** The workspace's key file now holds this key, as a custodian's swapped file would. */
    private static void useKey(Workspace workspace, String hex) throws IOException {
        Files.writeString(workspace.key, hex + "\n");
    }
}
