package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.trex.governance.Approval;
import org.trex.governance.Approvals;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.RevocationStatement;
import org.trex.source.DatabaseUrl;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trex revoke}: a board member's signed withdrawal of an approval; runs under it are refused from then on. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Withdraw a board approval with a board member's signature over the revocation statement (one"
                + " member suffices). Runs of the extract are refused until it is approved again. Give exactly one of"
                + " --sign-with, --signature or --statement.")
public final class RevokeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Extract spec YAML file.")
    Path specFile;

    @Option(names = "--reference", required = true, paramLabel = "REF", description = "The approval's reference.")
    String reference;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is revoked.")
    String reason;

    @ArgGroup(exclusive = true, multiplicity = "1")
    BoardSigning signing;

    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @Mixin
    HostClock hostClock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        String extractId = Specs.load(specFile).spec().value().id();
        BoardRegister board = BoardFiles.forSpec(specFile);
        DatabaseUrl url = governance.required(database);
        String doing = "revoke approval " + reference + " of extract " + extractId;
        Clock clock = hostClock.onDatabaseTime(url, doing);
        GovernanceSchema.migrate(url);
        Approvals approvals = new Approvals(url, clock);
        Approval approval = approvals.history(extractId).stream().filter(a -> a.reference().equals(reference.strip()))
                .findFirst().orElseThrow(() -> new CliException(ExitCode.BAD_INPUT, "Cannot revoke approval "
                        + reference + " of extract " + extractId + ": there is no such approval"));
        RevocationStatement statement = approval.revocationStatement(reason);
        PrintWriter out = commandSpec.commandLine().getOut();
        if (signing.statement) {
            out.print(statement.text());
            out.flush();
            return ExitCode.OK;
        }
        Approval revoked = approvals.revoke(statement, signing.signature(statement.bytes()), board,
                () -> BoardSigning.requireAdopted(url, board, doing, out, clock));
        out.printf("Revoked approval %s of %s (plan hash %s) by %s%n", revoked.reference(), revoked.extractId(),
                revoked.planHash(), revoked.revocation().orElseThrow().by());
        out.flush();
        return ExitCode.OK;
    }
}
