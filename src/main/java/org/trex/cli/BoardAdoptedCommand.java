package org.trex.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.trex.governance.AdoptedRegister;
import org.trex.governance.BoardAdoptions;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseUrl;
import org.trex.spec.BoardMember;
import org.trex.spec.BoardRegister;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code trex board adopted}: the board registers the governance database adopted, newest first, read only, so an
 * IG officer can check what is trusted against the board's own copy without adopting anything.
 */
@Command(name = "adopted", mixinStandardHelpOptions = true,
        description = "Print the board registers the governance database adopted, newest (the one in force) first:"
                + " SHA-256, when, by whom, on whose signatures, and their members with key fingerprints as"
                + " ssh-keygen -l prints them. Adopts nothing.")
public final class BoardAdoptedCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json",
            description = "Print the same as JSON, for scripts: {\"registers\": [...]}, newest first.")
    boolean json;

    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    /** One adopted register as listed: whether it is in force, and the register it replaced (the next listed). */
    private record Listed(AdoptedRegister adopted, boolean inForce, Optional<AdoptedRegister> replaced) {
        boolean onFirstUse() {
            return adopted.how() == AdoptedRegister.Adoption.FIRST_USE || replaced.isEmpty();
        }

        List<BoardMember> signers() {
            return onFirstUse() ? List.of() : adopted.signers(replaced.get().register());
        }
    }

    @Override
    public Integer call() throws JsonProcessingException {
        DatabaseUrl url = governance.required(database);
        GovernanceSchema.migrate(url);
        List<AdoptedRegister> adopted = new BoardAdoptions(url, Clock.systemUTC()).history();
        // Each register replaced the one adopted before it, the next in this list.
        List<Listed> listed = IntStream.range(0, adopted.size()).mapToObj(i -> new Listed(adopted.get(i), i == 0,
                i + 1 < adopted.size() ? Optional.of(adopted.get(i + 1)) : Optional.empty())).toList();
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            out.print(JSON.writeValueAsString(json(listed)) + "\n");
        } else if (listed.isEmpty()) {
            out.println("No board register is adopted yet: the first trex approve or trex run adopts the register it"
                    + " reads (on first use), or trex board adopt FILE does");
        } else {
            out.println("Board registers adopted, newest first (the first is in force):");
            for (Listed register : listed) {
                out.println();
                out.print(TerminalText.safe(describe(register)));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String describe(Listed listed) {
        AdoptedRegister adopted = listed.adopted();
        BoardRegister register = adopted.register();
        StringBuilder text = new StringBuilder("SHA-256 " + adopted.sha256() + (listed.inForce() ? " (in force)" : "")
                + "\n");
        text.append("  adopted ").append(adopted.adoptedAt()).append(" by ").append(adopted.adoptedBy());
        if (listed.onFirstUse()) {
            text.append(" on first use\n");
        } else {
            text.append(" on the signatures of ").append(listed.signers().stream()
                    .map(BoardAdoptedCommand::member).collect(Collectors.joining("; ")))
                    .append(", replacing SHA-256 ").append(listed.replaced().get().sha256()).append('\n');
        }
        text.append("  board: ").append(register.board()).append(", approvals required: ")
                .append(register.approvalsRequired());
        for (Map.Entry<String, Integer> policy : policies(register)) {
            text.append(" (").append(policy.getValue()).append(" for policy ").append(policy.getKey()).append(')');
        }
        text.append("\n  members:\n");
        register.members().forEach(member -> text.append("    ").append(member(member)).append('\n'));
        return text.toString();
    }

    /** The text form's content, keyed for scripts; the signers and replaced register are null on first use. */
    private static ObjectNode json(List<Listed> listed) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode registers = root.putArray("registers");
        for (Listed entry : listed) {
            AdoptedRegister adopted = entry.adopted();
            BoardRegister register = adopted.register();
            ObjectNode node = registers.addObject();
            node.put("sha256", adopted.sha256());
            node.put("inForce", entry.inForce());
            node.put("adoptedAt", adopted.adoptedAt().toString());
            node.put("adoptedBy", adopted.adoptedBy());
            node.put("adopted", entry.onFirstUse() ? "on first use" : "on board members' signatures");
            if (entry.onFirstUse()) {
                node.putNull("signers");
                node.putNull("replaces");
            } else {
                ArrayNode signers = node.putArray("signers");
                entry.signers().forEach(member -> member(signers.addObject(), member));
                node.put("replaces", entry.replaced().get().sha256());
            }
            node.put("board", register.board());
            node.put("approvalsRequired", register.approvalsRequired());
            ObjectNode byPolicy = node.putObject("policyApprovalsRequired");
            policies(register).forEach(policy -> byPolicy.put(policy.getKey(), policy.getValue()));
            ArrayNode members = node.putArray("members");
            register.members().forEach(member -> member(members.addObject(), member));
        }
        return root;
    }

    private static List<Map.Entry<String, Integer>> policies(BoardRegister register) {
        return register.policyApprovalsRequired().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    private static String member(BoardMember member) {
        return member.id() + ": " + member.describe();
    }

    private static void member(ObjectNode node, BoardMember member) {
        node.put("id", member.id());
        node.put("name", member.name());
        node.put("role", member.role());
        node.put("organisation", member.organisation());
        node.put("keyFingerprint", member.key().fingerprint());
    }
}
