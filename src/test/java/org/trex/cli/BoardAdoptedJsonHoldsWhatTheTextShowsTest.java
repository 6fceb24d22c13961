package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.DemoBoard;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * {@code trex board adopted --json} gives an IG officer's script what the text listing shows: each register's
 * SHA-256, whether it is in force, when and by whom it was adopted, on whose signatures, what it replaced, and its
 * board, approvals and members with their key fingerprints.
 */
class BoardAdoptedJsonHoldsWhatTheTextShowsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    Workspace workspace;

    @BeforeEach
    void workspace() {
        // Nothing here reads a source row, so an empty database is enough.
        workspace = Workspace.create(root.resolve("work"), TestDatabase.fresh());
    }

    private Result adopted(String... extra) {
        List<String> args = new ArrayList<>(List.of("board", "adopted", "--database-url", workspace.url.jdbcUrl()));
        args.addAll(List.of(extra));
        return Workspace.trex(args.toArray(String[]::new));
    }

    @Test
    void nothingAdoptedIsAnEmptyList() throws Exception {
        Result shown = adopted("--json");

        assertThat(shown.code()).as(shown.all()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(shown.out()).path("registers").isArray()).isTrue();
        assertThat(JSON.readTree(shown.out()).path("registers")).isEmpty();
    }

    @Test
    void eachRegisterHoldsWhatItsTextShows() throws Exception {
        DemoBoard first = workspace.board;
        assertThat(workspace.sign(TestingBoard.CHAIR, "IGB-1").code()).isEqualTo(ExitCode.OK);
        DemoBoard next = TestingBoard.create(root.resolve("next"));
        Result adopt = Workspace.trex("board", "adopt", next.register().file().toString(), "--sign-with",
                first.keyFile(TestingBoard.CHAIR).toString(), "--sign-with",
                first.keyFile(TestingBoard.GUARDIAN).toString(), "--database-url", workspace.url.jdbcUrl());
        assertThat(adopt.code()).as(adopt.all()).isEqualTo(ExitCode.OK);

        Result text = adopted();
        Result json = adopted("--json");

        assertThat(json.code()).as(json.all()).isEqualTo(ExitCode.OK);
        JsonNode registers = JSON.readTree(json.out()).path("registers");
        assertThat(registers).hasSize(2);
        JsonNode newest = registers.get(0);
        JsonNode oldest = registers.get(1);
        assertThat(newest.path("sha256").asText()).isEqualTo(next.register().sha256());
        assertThat(newest.path("inForce").asBoolean()).isTrue();
        assertThat(newest.path("adopted").asText()).isEqualTo("on board members' signatures");
        assertThat(newest.path("replaces").asText()).isEqualTo(first.register().sha256());
        assertThat(newest.path("signers").findValuesAsText("id"))
                .containsExactly(TestingBoard.CHAIR, TestingBoard.GUARDIAN);
        assertThat(oldest.path("sha256").asText()).isEqualTo(first.register().sha256());
        assertThat(oldest.path("inForce").asBoolean()).isFalse();
        assertThat(oldest.path("adopted").asText()).isEqualTo("on first use");
        assertThat(oldest.path("signers").isNull()).isTrue();
        assertThat(oldest.path("replaces").isNull()).isTrue();
        // The text form, rebuilt from the JSON alone, is what the text listing printed.
        StringBuilder rebuilt = new StringBuilder("Board registers adopted, newest first (the first is in force):\n");
        for (JsonNode register : registers) {
            rebuilt.append("\nSHA-256 ").append(register.path("sha256").asText())
                    .append(register.path("inForce").asBoolean() ? " (in force)" : "")
                    .append("\n  adopted ").append(register.path("adoptedAt").asText())
                    .append(" by ").append(register.path("adoptedBy").asText());
            if (register.path("signers").isNull()) {
                rebuilt.append(" on first use\n");
            } else {
                List<String> signers = new ArrayList<>();
                register.path("signers").forEach(signer -> signers.add(member(signer)));
                rebuilt.append(" on the signatures of ").append(String.join("; ", signers))
                        .append(", replacing SHA-256 ").append(register.path("replaces").asText()).append('\n');
            }
            rebuilt.append("  board: ").append(register.path("board").asText()).append(", approvals required: ")
                    .append(register.path("approvalsRequired").asInt());
            register.path("policyApprovalsRequired").fields().forEachRemaining(policy -> rebuilt.append(" (")
                    .append(policy.getValue().asInt()).append(" for policy ").append(policy.getKey()).append(')'));
            rebuilt.append("\n  members:\n");
            register.path("members").forEach(member -> rebuilt.append("    ").append(member(member)).append('\n'));
        }
        assertThat(text.out()).isEqualTo(rebuilt.toString());
    }

    private static String member(JsonNode member) {
        return member.path("id").asText() + ": " + member.path("name").asText() + " ("
                + member.path("role").asText() + ", " + member.path("organisation").asText() + ", key "
                + member.path("keyFingerprint").asText() + ")";
    }
}
