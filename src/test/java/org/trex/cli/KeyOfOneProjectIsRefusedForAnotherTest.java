package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A key is one project's: pseudonyms two projects made under one key would link their people across the projects,
 * so a run of another project with a key already bound is refused before any row is read (exit 2, audited as
 * refused), naming the key by its ID only.
 */
class KeyOfOneProjectIsRefusedForAnotherTest {
    @TempDir
    Path root;

    @Test
    void anotherProjectsRunWithABoundKeyIsRefused() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 300, 43);
        Workspace first = Workspace.create(root.resolve("discharge"), url);
        assertThat(first.approve("IGB-OWN-1").code()).isEqualTo(ExitCode.OK);
        Result published = first.run();
        assertThat(published.code()).as(published.all()).isEqualTo(ExitCode.OK);
        Workspace other = Workspace.create(root.resolve("reablement"), url);
        Files.writeString(other.spec, Files.readString(other.spec)
                .replace("project: discharge-evaluation", "project: reablement-evaluation"));
        assertThat(other.approve("IGB-OWN-2").code()).isEqualTo(ExitCode.OK);
        String runId = UUID.randomUUID().toString();

        Result refused = other.run("--run-id", runId);

        String keyId = PseudonymKey.fromHex(Workspace.KEY_HEX, "test").id();
        String reason = "Cannot run extract discharge-delays: key " + keyId + " is already the key of project"
                + " discharge-evaluation; each project needs its own key, or its pseudonyms would link to project"
                + " discharge-evaluation's";
        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).isEqualTo("trex: " + reason + "\n");
        assertThat(refused.all()).doesNotContain(Workspace.KEY_HEX);
        assertThat(new AuditLog(url).list(Optional.empty())).filteredOn(e -> e.runId().equals(Optional.of(runId)))
                .singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.RUN_REFUSED);
                    assertThat(e.details()).contains("\"reason\":\"" + reason + "\"");
                });
        assertThat(Workspace.files(other.out)).as("files under the other project's --out").isEmpty();
        assertThat(Sql.strings(url, "SELECT project || ' ' || key_id FROM trex_governance.project_key"))
                .containsExactly("discharge-evaluation " + keyId);
    }
}
