package org.trex.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trex.governance.AdoptedRegister;
import org.trex.governance.BoardAdoptions;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseUrl;
import org.trex.spec.BoardMember;
import org.trex.spec.BoardRegister;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code trex board adopted}: the board registers the governance database adopted, newest first, read only, so an
 * IG officer can check what is trusted against the board's own copy without adopting anything.
 */
@Command(name = "adopted", mixinStandardHelpOptions = true,
        description = "Print the board registers the governance database adopted, newest (the one in force) first:"
                + " SHA-256, when, by whom, on whose signatures, and their members with key fingerprints as"
                + " ssh-keygen -l prints them. Adopts nothing.")
public final class BoardAdoptedCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        DatabaseUrl url = governance.required(database);
        GovernanceSchema.migrate(url);
        List<AdoptedRegister> adopted = new BoardAdoptions(url, Clock.systemUTC()).history();
        PrintWriter out = commandSpec.commandLine().getOut();
        if (adopted.isEmpty()) {
            out.println("No board register is adopted yet: the first trex approve or trex run adopts the register it"
                    + " reads (on first use), or trex board adopt FILE does");
        } else {
            out.println("Board registers adopted, newest first (the first is in force):");
        }
        for (int i = 0; i < adopted.size(); i++) {
            AdoptedRegister register = adopted.get(i);
            // Each register replaced the one adopted before it, the next in this list.
            out.println();
            out.print(TerminalText.safe(describe(register, i == 0, i + 1 < adopted.size()
                    ? Optional.of(adopted.get(i + 1)) : Optional.empty())));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String describe(AdoptedRegister adopted, boolean inForce, Optional<AdoptedRegister> replaced) {
        BoardRegister register = adopted.register();
        StringBuilder text = new StringBuilder("SHA-256 " + adopted.sha256() + (inForce ? " (in force)" : "") + "\n");
        text.append("  adopted ").append(adopted.adoptedAt()).append(" by ").append(adopted.adoptedBy());
        if (adopted.how() == AdoptedRegister.Adoption.FIRST_USE || replaced.isEmpty()) {
            text.append(" on first use\n");
        } else {
            text.append(" on the signatures of ").append(adopted.signers(replaced.get().register()).stream()
                    .map(BoardAdoptedCommand::member).collect(Collectors.joining("; ")))
                    .append(", replacing SHA-256 ").append(replaced.get().sha256()).append('\n');
        }
        text.append("  board: ").append(register.board()).append(", approvals required: ")
                .append(register.approvalsRequired());
        for (Map.Entry<String, Integer> policy : register.policyApprovalsRequired().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            text.append(" (").append(policy.getValue()).append(" for policy ").append(policy.getKey()).append(')');
        }
        text.append("\n  members:\n");
        register.members().forEach(member -> text.append("    ").append(member(member)).append('\n'));
        return text.toString();
    }

    private static String member(BoardMember member) {
        return member.id() + ": " + member.describe();
    }
}
